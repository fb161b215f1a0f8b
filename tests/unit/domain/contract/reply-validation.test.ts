import { contractProblems, serverFrameProblems } from '../../../api/support/contract';

const item = {
  id: '01JH8Y3W6D9Q1VJ7ZK2C4B5N6M',
  ownerId: 'user-1',
  title: 'Bicycle',
  body: '',
  tags: [],
  visibility: 'private',
  data: { price: 10, nested: [true, null, { a: 'b' }] },
  mediaIds: [],
  createdAt: '2026-01-31T09:30:00.000Z',
  updatedAt: '2026-01-31T09:30:00.000Z',
  version: 1,
};

function reply(status: number, body: unknown, headers: Record<string, string> = {}) {
  const type = status >= 400 ? 'application/problem+json' : 'application/json';
  return {
    status,
    headers: new Headers({ 'Content-Type': type, 'X-Request-Id': 'r-1', ...headers }),
    text: body === undefined ? '' : JSON.stringify(body),
  };
}

const problem = (name: string, status: number) => ({
  type: `https://mobile-backend.dev/problems/${name}`,
  title: 'T',
  status,
  detail: 'D',
  requestId: 'r-1',
});

describe('replies checked against docs/openapi.json', () => {
  it('accepts a created item with its ETag and Location', () => {
    const created = reply(201, item, { ETag: '"1"', Location: `/v1/items/${item.id}` });

    expect(contractProblems('POST', '/v1/items', created)).toEqual([]);
  });

  it('names a missing required header', () => {
    const created = reply(201, item, { Location: `/v1/items/${item.id}` });

    expect(contractProblems('POST', '/v1/items', created)).toEqual(['header ETag is missing']);
  });

  it('names a body field of the wrong type', () => {
    const fetched = reply(200, { ...item, version: '1' }, { ETag: '"1"' });

    expect(contractProblems('GET', `/v1/items/${item.id}?x=1`, fetched)).toEqual([
      expect.stringContaining('/version must be integer'),
    ]);
  });

  it('refuses a status the operation does not document', () => {
    const conflict = reply(409, problem('conflict', 409));

    expect(contractProblems('GET', '/v1/items', conflict)).toEqual([
      'status 409 is not documented',
    ]);
  });

  it('refuses a problem of a type the document does not name', () => {
    const unknown = reply(400, problem('made-up', 400));

    expect(contractProblems('GET', '/v1/items', unknown)).toEqual([
      expect.stringContaining('/type must be equal to one of the allowed values'),
    ]);
  });

  it('refuses a body on a 204', () => {
    const deleted = reply(204, { deleted: true });

    expect(contractProblems('DELETE', `/v1/items/${item.id}`, deleted)).toEqual([
      expect.stringContaining('a body where none is documented'),
    ]);
  });

  it('accepts the gateway range responses, such as a 502 problem without status', () => {
    const gatewayError: Partial<ReturnType<typeof problem>> = problem('gateway-error', 502);
    delete gatewayError.status;

    expect(contractProblems('GET', '/v1/me', reply(502, gatewayError))).toEqual([]);
  });

  it('wants a 405 with Allow for a method the path lacks, and a 404 for a path it lacks', () => {
    const notAllowed = reply(405, problem('method-not-allowed', 405), { Allow: 'GET, POST' });
    const withoutAllow = reply(405, problem('method-not-allowed', 405));

    expect(contractProblems('PUT', '/v1/items', notAllowed)).toEqual([]);
    expect(contractProblems('PUT', '/v1/items', withoutAllow)).toEqual([
      'a 405 without an Allow header',
    ]);
    expect(contractProblems('GET', '/v1/nothing', reply(404, problem('not-found', 404)))).toEqual(
      [],
    );
    expect(contractProblems('GET', '/v1/nothing', reply(200, item))).toEqual([
      'status 200 for an operation the document lacks (expected 404)',
    ]);
  });
});

describe('WebSocket frames checked against docs/openapi.json', () => {
  it('accepts a typing frame and refuses one without its sender', () => {
    expect(serverFrameProblems({ type: 'typing', from: 'user-1' })).toEqual([]);
    expect(serverFrameProblems({ type: 'typing' })).not.toEqual([]);
  });

  it('refuses a frame of a type the protocol does not have', () => {
    expect(serverFrameProblems({ type: 'presence', from: 'user-1' })).not.toEqual([]);
  });
});
