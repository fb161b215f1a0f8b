import { consoleLineOf } from '../../../../sandbox/runtime/console-line';

const powertools = (fields: Record<string, unknown>) =>
  JSON.stringify({ timestamp: '2026-12-01T10:00:00.000Z', service: 'api', ...fields });

describe('a function output line on the sandbox console', () => {
  it('reads a Powertools log line as level, message and request id', () => {
    const line = powertools({ level: 'WARN', message: 'Stale cursor', function_request_id: 'r-1' });

    expect(consoleLineOf(line, false)).toBe('WARN Stale cursor (r-1)');
  });

  it("adds a logged error's message", () => {
    const line = powertools({ level: 'ERROR', message: 'Failed', error: { message: 'boom' } });

    expect(consoleLineOf(line, false)).toBe('ERROR Failed: boom');
  });

  it('leaves EMF metric documents and debug lines to the log file', () => {
    const metric = JSON.stringify({ _aws: { Timestamp: 1, CloudWatchMetrics: [] }, Count: 1 });
    const debug = powertools({ level: 'DEBUG', message: 'details' });

    expect(consoleLineOf(metric, false)).toBeUndefined();
    expect(consoleLineOf(debug, false)).toBeUndefined();
  });

  it('knows a metric document by its _aws key wherever the key stands', () => {
    const metric = JSON.stringify({ Count: 1, _aws: { Timestamp: 1, CloudWatchMetrics: [] } });

    expect(consoleLineOf(metric, false)).toBeUndefined();
  });

  it('shows every line as written when verbose', () => {
    const metric = JSON.stringify({ _aws: { Timestamp: 1 }, Count: 1 });

    expect(consoleLineOf(metric, true)).toBe(metric);
  });

  it('shows plain text and other JSON as it is', () => {
    expect(consoleLineOf('START RequestId: r-2', false)).toBe('START RequestId: r-2');
    expect(consoleLineOf('{"not":"a log"}', false)).toBe('{"not":"a log"}');
  });
});
