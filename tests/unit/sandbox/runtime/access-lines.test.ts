import {
  asyncLine,
  batchLine,
  cognitoRefusalLine,
  restLine,
  s3Line,
  webSocketLine,
} from '../../../../sandbox/runtime/access-lines';

describe('the console line of what happened', () => {
  it('reads a REST request as method, path, status, duration and how the function ran', () => {
    const line = restLine(
      { method: 'GET', url: '/api/v1/me', status: 200 },
      { durationMs: 12.345, coldStart: true },
    );

    expect(line).toBe('[api] GET /api/v1/me 200 12.3 ms cold');
  });

  it('ends a refused REST request with its reason and leaves cold/warm out when no function ran', () => {
    const line = restLine(
      { method: 'GET', url: '/api/v1/me', status: 401, reason: 'unauthorized (expired)' },
      { durationMs: 0.42 },
    );

    expect(line).toBe('[api] GET /api/v1/me 401 0.4 ms: unauthorized (expired)');
  });

  it('reads a WebSocket route with its route key, connection, status and a warm function', () => {
    const line = webSocketLine(
      { routeKey: 'sendMessage', connectionId: 'Abc123=', status: 200 },
      { durationMs: 3, coldStart: false },
    );

    expect(line).toBe('[ws] sendMessage Abc123= 200 3.0 ms warm');
  });

  it("reads an S3 refusal with S3's error code and message", () => {
    const line = s3Line(
      {
        method: 'PUT',
        path: '/media/u1/m1',
        status: 403,
        error: { code: 'AccessDenied', message: 'Request has expired' },
      },
      { durationMs: 1.25 },
    );

    expect(line).toBe('[s3] PUT /media/u1/m1 403 1.3 ms: AccessDenied Request has expired');
  });

  it('reads an accepted S3 request without a reason', () => {
    expect(s3Line({ method: 'GET', path: '/media/k', status: 200 }, { durationMs: 2 })).toBe(
      '[s3] GET /media/k 200 2.0 ms',
    );
  });

  it('reads a queue delivery as function, queue, batch size and failures reported', () => {
    const line = batchLine(
      { source: 'sqs', functionName: 'Worker', from: 'MessageQueue', size: 3, failed: 1 },
      { durationMs: 45, coldStart: false },
    );

    expect(line).toBe('[sqs] Worker MessageQueue 3 records 1 failed 45.0 ms warm');
  });

  it('reads a stream batch of one record that failed whole, with the reason', () => {
    const line = batchLine(
      {
        source: 'stream',
        functionName: 'Indexer',
        from: 'AppTable',
        size: 1,
        failed: 1,
        reason: 'Error: down',
      },
      { durationMs: 7, coldStart: true },
    );

    expect(line).toBe('[stream] Indexer AppTable 1 record 1 failed 7.0 ms cold: Error: down');
  });

  it('reads an asynchronous attempt with its number, of how many, and its outcome', () => {
    const failed = asyncLine(
      { functionName: 'Eraser', attempt: 2, attempts: 3, succeeded: false, reason: 'r-1 Error: x' },
      { durationMs: 10, coldStart: false },
    );
    const succeeded = asyncLine(
      { functionName: 'Eraser', attempt: 1, attempts: 3, succeeded: true },
      { durationMs: 10, coldStart: true },
    );

    expect(failed).toBe('[lambda] Eraser async 2/3 failed 10.0 ms warm: r-1 Error: x');
    expect(succeeded).toBe('[lambda] Eraser async 1/3 succeeded 10.0 ms cold');
  });

  it("reads a Cognito refusal with the operation and Cognito's error type and message", () => {
    const line = cognitoRefusalLine(
      {
        operation: 'SignUp',
        status: 400,
        type: 'InvalidPasswordException',
        message: 'Password did not conform with policy: Password not long enough',
      },
      { durationMs: 0.3 },
    );

    expect(line).toBe(
      '[cognito] SignUp 400 0.3 ms: InvalidPasswordException Password did not conform with policy: Password not long enough',
    );
  });
});
