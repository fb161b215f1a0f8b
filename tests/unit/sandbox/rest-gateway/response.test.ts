import type { InvokeResult } from '../../../../sandbox/runtime/function-host';
import { replyFromInvocation } from '../../../../sandbox/rest-gateway/response';

function succeeded(result: unknown): InvokeResult {
  return { status: 'succeeded', requestId: 'r', durationMs: 1, payload: JSON.stringify(result) };
}

const badGateway = {
  statusCode: 502,
  body: Buffer.from('{"message": "Internal server error"}'),
};

describe('proxy response', () => {
  it('sends the status, headers and body of the proxy result', () => {
    const { reply } = replyFromInvocation(
      succeeded({
        statusCode: 201,
        headers: { 'Content-Type': 'application/problem+json', ETag: '"1"' },
        body: '{}',
      }),
    );

    expect(reply).toEqual({
      statusCode: 201,
      headers: { 'Content-Type': 'application/problem+json', ETag: '"1"' },
      body: Buffer.from('{}'),
    });
  });

  it('defaults the content type to application/json', () => {
    const { reply } = replyFromInvocation(succeeded({ statusCode: 204 }));

    expect(reply.headers).toEqual({ 'Content-Type': 'application/json' });
    expect(reply.body.length).toBe(0);
  });

  it('merges multiValueHeaders with headers, multiValueHeaders winning', () => {
    const { reply } = replyFromInvocation(
      succeeded({
        statusCode: 200,
        headers: { 'Set-Cookie': 'ignored=1', 'X-One': 1 },
        multiValueHeaders: { 'set-cookie': ['a=1', 'b=2'] },
        body: '',
      }),
    );

    expect(reply.headers).toEqual({
      'set-cookie': ['a=1', 'b=2'],
      'X-One': '1',
      'Content-Type': 'application/json',
    });
  });

  it('decodes a base64 body', () => {
    const bytes = Buffer.from([0, 1, 2, 250]);

    const { reply } = replyFromInvocation(
      succeeded({ statusCode: 200, body: bytes.toString('base64'), isBase64Encoded: true }),
    );

    expect(reply.body).toEqual(bytes);
  });

  it.each([
    ['a string', 'hello'],
    ['null', null],
    ['no status code', { body: '{}' }],
    ['a body that is not a string', { statusCode: 200, body: { a: 1 } }],
    ['headers that are not a map', { statusCode: 200, headers: ['x'] }],
  ])('answers 502 for a result that is %s', (_case, result) => {
    const outcome = replyFromInvocation(succeeded(result));

    expect(outcome.reply).toMatchObject(badGateway);
    expect(outcome.problem).toBe('Malformed Lambda proxy response');
  });

  it('answers 502 when the function failed', () => {
    const error = {
      errorType: 'Sandbox.Timedout',
      errorMessage: 'Task timed out after 10.00 seconds',
      trace: [],
    };

    const outcome = replyFromInvocation({
      status: 'failed',
      requestId: 'r',
      durationMs: 10_000,
      error,
      payload: JSON.stringify(error),
    });

    expect(outcome.reply).toMatchObject(badGateway);
    expect(outcome.problem).toBe('Sandbox.Timedout: Task timed out after 10.00 seconds');
  });
});
