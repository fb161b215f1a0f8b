import { selectRoute } from '../../../../sandbox/websocket-gateway/route-selection';

const routes = ['$connect', '$disconnect', '$default', 'ping', 'typing'];
const text = (value: string) => ({ data: Buffer.from(value), isBinary: false });

describe('route selection ($request.body.action)', () => {
  it('selects the route named by the action', () => {
    const route = selectRoute('$request.body.action', routes, text('{"action":"typing","to":"u"}'));

    expect(route).toBe('typing');
  });

  it('falls back to $default for an unknown action', () => {
    const route = selectRoute('$request.body.action', routes, text('{"action":"dance"}'));

    expect(route).toBe('$default');
  });

  it('falls back to $default for a frame that is not JSON', () => {
    const route = selectRoute('$request.body.action', routes, text('ping'));

    expect(route).toBe('$default');
  });

  it('falls back to $default for a binary frame', () => {
    const route = selectRoute('$request.body.action', routes, {
      data: Buffer.from('{"action":"ping"}'),
      isBinary: true,
    });

    expect(route).toBe('$default');
  });

  it('never selects $connect or $disconnect from a frame', () => {
    const route = selectRoute('$request.body.action', routes, text('{"action":"$disconnect"}'));

    expect(route).toBe('$default');
  });

  it('follows a nested selection path', () => {
    const route = selectRoute('$request.body.meta.kind', routes, text('{"meta":{"kind":"ping"}}'));

    expect(route).toBe('ping');
  });
});
