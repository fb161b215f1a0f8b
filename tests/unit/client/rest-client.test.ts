import { ApiError } from '../../../client/src/api-error';
import { createRestClient, expandPath, ifMatchValue } from '../../../client/src/rest-client';

interface Sent {
  url: string;
  method: string;
  headers: Record<string, string>;
  body: string | undefined;
}

/** A fetch that records each request and answers from the list. */
function recordingFetch(...answers: Response[]) {
  const sent: Sent[] = [];
  const fake = async (input: string | URL | Request, init?: RequestInit) => {
    sent.push({
      url: String(input),
      method: String(init?.method),
      headers: init?.headers as Record<string, string>,
      body: init?.body as string | undefined,
    });
    return answers.shift() ?? new Response('{}', { status: 200 });
  };
  return { sent, fetch: fake as typeof fetch };
}

const fastRetry = { baseDelayMs: 1, maxDelayMs: 1 };

describe('the REST client', () => {
  it('sends the same generated Idempotency-Key on every retry of a POST', async () => {
    const { sent, fetch } = recordingFetch(
      new Response('', { status: 503 }),
      new Response('{"messageId":"m","status":"queued"}', { status: 202 }),
    );
    const client = createRestClient({
      apiUrl: 'http://api/stage',
      token: async () => 't',
      fetch,
      retry: fastRetry,
    });

    const reply = await client.request('post', '/v1/messages', { body: { to: 'u', text: 'hi' } });

    expect(reply.data).toEqual({ messageId: 'm', status: 'queued' });
    expect(sent).toHaveLength(2);
    expect(sent[0]?.headers['Idempotency-Key']).toMatch(/^[0-9a-f-]{36}$/);
    expect(sent[1]?.headers['Idempotency-Key']).toBe(sent[0]?.headers['Idempotency-Key']);
  });

  it('gives each POST call a key of its own, and none to other methods', async () => {
    const { sent, fetch } = recordingFetch();
    const client = createRestClient({ apiUrl: 'http://api/stage', token: async () => 't', fetch });

    await client.request('post', '/v1/items', { body: { title: 'a' } });
    await client.request('post', '/v1/items', { body: { title: 'a' } });
    await client.request('get', '/v1/items');

    expect(sent[0]?.headers['Idempotency-Key']).not.toBe(sent[1]?.headers['Idempotency-Key']);
    expect(sent[2]?.headers['Idempotency-Key']).toBeUndefined();
  });

  it('sends patches as merge patches with If-Match, to the expanded path', async () => {
    const { sent, fetch } = recordingFetch(
      new Response('{}', { status: 200, headers: { ETag: '"4"' } }),
    );
    const client = createRestClient({ apiUrl: 'http://api/stage/', token: async () => 't', fetch });

    const reply = await client.request('patch', '/v1/items/{id}', {
      path: { id: 'a b' },
      body: { title: 'new' },
      ifMatch: 3,
    });

    expect(sent[0]).toMatchObject({
      url: 'http://api/stage/v1/items/a%20b',
      method: 'PATCH',
      body: '{"title":"new"}',
      headers: {
        'If-Match': '"3"',
        'Content-Type': 'application/merge-patch+json',
        Authorization: 'Bearer t',
      },
    });
    expect(reply.etag).toBe('"4"');
  });

  it('throws a reply outside 2xx as an ApiError with its problem', async () => {
    const problem = {
      type: 'https://mobile-backend.dev/problems/precondition-failed',
      title: 'Precondition Failed',
      status: 412,
    };
    const { fetch } = recordingFetch(new Response(JSON.stringify(problem), { status: 412 }));
    const client = createRestClient({ apiUrl: 'http://api', token: async () => 't', fetch });

    const failure = client.request('delete', '/v1/items/{id}', {
      path: { id: 'x' },
      ifMatch: '"1"',
    });

    await expect(failure).rejects.toBeInstanceOf(ApiError);
    await expect(failure).rejects.toMatchObject({ status: 412, kind: 'precondition-failed' });
  });

  it('puts only given query parameters in the URL', async () => {
    const { sent, fetch } = recordingFetch();
    const client = createRestClient({ apiUrl: 'http://api', token: async () => undefined, fetch });

    await client.request('get', '/v1/search', {
      query: { q: 'red bike', limit: '5', cursor: undefined },
    });

    expect(sent[0]?.url).toBe('http://api/v1/search?q=red+bike&limit=5');
    expect(sent[0]?.headers.Authorization).toBeUndefined();
  });
});

describe('the REST client on a 401', () => {
  const unauthorized = () =>
    new Response('{"type":"about:blank","title":"Unauthorized"}', { status: 401 });

  /** A client whose tokens are `token` until a refresh, which makes them `fresh`. */
  function clientRefreshing(fetch: typeof globalThis.fetch, refreshWorks = true) {
    let token = 'stale';
    const refreshes: string[] = [];
    const client = createRestClient({
      apiUrl: 'http://api/stage',
      token: async () => token,
      refreshToken: async () => {
        refreshes.push(token);
        if (refreshWorks) token = 'fresh';
        return refreshWorks;
      },
      fetch,
    });
    return { client, refreshes };
  }

  it('refreshes the tokens and sends the request once more with the new one', async () => {
    const { sent, fetch } = recordingFetch(unauthorized(), new Response('{"userId":"u"}'));
    const { client, refreshes } = clientRefreshing(fetch);

    const reply = await client.request('get', '/v1/me');

    expect(reply.data).toEqual({ userId: 'u' });
    expect(refreshes).toEqual(['stale']);
    expect(sent.map((request) => request.headers.Authorization)).toEqual([
      'Bearer stale',
      'Bearer fresh',
    ]);
  });

  it('sends a POST again with the same Idempotency-Key', async () => {
    const { sent, fetch } = recordingFetch(unauthorized(), new Response('{}', { status: 201 }));
    const { client } = clientRefreshing(fetch);

    await client.request('post', '/v1/items', { body: { title: 'a' } });

    expect(sent).toHaveLength(2);
    expect(sent[1]?.headers['Idempotency-Key']).toBe(sent[0]?.headers['Idempotency-Key']);
  });

  it('throws the second 401 without refreshing twice', async () => {
    const { sent, fetch } = recordingFetch(unauthorized(), unauthorized(), new Response('{}'));
    const { client, refreshes } = clientRefreshing(fetch);

    const request = client.request('get', '/v1/me');

    await expect(request).rejects.toMatchObject({ status: 401 });
    expect(refreshes).toHaveLength(1);
    expect(sent).toHaveLength(2);
  });

  it('throws the 401 without sending again when the refresh fails', async () => {
    const { sent, fetch } = recordingFetch(unauthorized(), new Response('{}'));
    const { client } = clientRefreshing(fetch, false);

    await expect(client.request('get', '/v1/me')).rejects.toMatchObject({ status: 401 });
    expect(sent).toHaveLength(1);
  });

  it('does not refresh on a 403', async () => {
    const { sent, fetch } = recordingFetch(
      new Response('{"type":"about:blank","title":"Forbidden"}', { status: 403 }),
      new Response('{}'),
    );
    const { client, refreshes } = clientRefreshing(fetch);

    await expect(client.request('get', '/v1/me')).rejects.toMatchObject({ status: 403 });
    expect(refreshes).toEqual([]);
    expect(sent).toHaveLength(1);
  });
});

describe('path and If-Match values', () => {
  it('quotes a version and keeps an ETag as it came', () => {
    expect(ifMatchValue(7)).toBe('"7"');
    expect(ifMatchValue('"7"')).toBe('"7"');
  });

  it('refuses a path with a missing parameter', () => {
    expect(() => expandPath('/v1/items/{id}', {})).toThrow('missing path parameter id');
  });
});
