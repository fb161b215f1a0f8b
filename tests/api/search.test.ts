import { randomUUID } from 'node:crypto';
import { jest } from '@jest/globals';
import { call, eventually, type ApiReply } from './support/http';
import { newUser, type TestUser } from './support/users';

// Through the sandbox: API → DynamoDB Local → stream → SearchIndexerFunction →
// local CloudSearch endpoint → SearchApiFunction, with real tokens.

// Each test waits for the index, which is eventually consistent.
jest.setTimeout(15_000);

let alice: TestUser;
let bob: TestUser;

/** A word no other test uses, so a search finds exactly this test's items. */
const uniqueWord = () => `w${randomUUID().replaceAll('-', '')}`;

async function createItem(user: TestUser, body: Record<string, unknown>): Promise<string> {
  const reply = await call('POST', '/v1/items', { token: user.idToken, body });
  expect(reply.status).toBe(201);
  return String(reply.json.id);
}

function search(user: TestUser, query: Record<string, string>): Promise<ApiReply> {
  return call('GET', `/v1/search?${new URLSearchParams(query).toString()}`, {
    token: user.idToken,
  });
}

const ids = (reply: ApiReply) => (reply.json.items ?? []).map((hit) => hit.id);

/** Polls the search until `check` holds (the index is eventually consistent). */
function searchUntil(
  user: TestUser,
  query: Record<string, string>,
  check: (reply: ApiReply) => boolean,
) {
  return eventually(() => search(user, query), check, 5000);
}

beforeAll(async () => {
  [alice, bob] = await Promise.all([newUser(), newUser()]);
  // Warm both functions, so the latency test measures indexing, not cold starts.
  const word = uniqueWord();
  const id = await createItem(alice, { title: word, visibility: 'public' });
  await eventually(
    () => search(alice, { q: word }),
    (reply) => ids(reply).includes(id),
    20_000,
  );
}, 30_000);

describe('GET /v1/search', () => {
  it('finds a public item within one second of its write', async () => {
    const word = uniqueWord();
    const started = Date.now();
    const id = await createItem(alice, { title: `Trail shoes ${word}`, visibility: 'public' });

    const reply = await eventually(
      () => search(bob, { q: word }),
      (r) => ids(r).includes(id),
      1000,
    );

    expect(ids(reply)).toEqual([id]);
    expect(Date.now() - started).toBeLessThanOrEqual(1500);
    expect(reply.json).toMatchObject({ total: 1, nextCursor: null });
    expect(reply.json.items?.[0]).toMatchObject({
      id,
      ownerId: alice.sub,
      title: `Trail shoes ${word}`,
      tags: [],
      visibility: 'public',
    });
  });

  it('returns the result shape of docs/api.md with a highlighted snippet and a score', async () => {
    const word = uniqueWord();
    const id = await createItem(alice, {
      title: 'Bicycle',
      body: `A <b>red</b> bicycle, ${word}, barely used.`,
      tags: ['Bikes'],
      visibility: 'public',
    });

    const reply = await searchUntil(alice, { q: word }, (r) => ids(r).includes(id));

    const hit = reply.json.items?.[0] ?? {};
    expect(Object.keys(hit).sort()).toEqual(
      ['id', 'ownerId', 'title', 'snippet', 'tags', 'visibility', 'updatedAt', 'score'].sort(),
    );
    expect(hit.snippet).toBe(`A &lt;b&gt;red&lt;/b&gt; bicycle, <em>${word}</em>, barely used.`);
    expect(hit.tags).toEqual(['bikes']);
    expect(hit.score).toBeGreaterThan(0);
    expect(reply.headers.get('x-request-id')).toBeTruthy();
    expect(reply.headers.get('access-control-allow-origin')).toBe('*');
  });

  it('reflects an update: the new title is found and the old one no longer is', async () => {
    const [before, after] = [uniqueWord(), uniqueWord()];
    const id = await createItem(alice, { title: before, visibility: 'public' });
    await searchUntil(alice, { q: before }, (r) => ids(r).includes(id));

    const patched = await call('PATCH', `/v1/items/${id}`, {
      token: alice.idToken,
      body: { title: after },
    });
    expect(patched.status).toBe(200);

    expect(ids(await searchUntil(bob, { q: after }, (r) => ids(r).includes(id)))).toEqual([id]);
    expect(ids(await searchUntil(bob, { q: before }, (r) => ids(r).length === 0))).toEqual([]);
  });

  it('hides an item made private from everyone but its owner', async () => {
    const word = uniqueWord();
    const id = await createItem(alice, { title: word, visibility: 'public' });
    await searchUntil(bob, { q: word }, (r) => ids(r).includes(id));

    await call('PATCH', `/v1/items/${id}`, {
      token: alice.idToken,
      body: { visibility: 'private' },
    });

    expect(ids(await searchUntil(bob, { q: word }, (r) => ids(r).length === 0))).toEqual([]);
    expect(ids(await search(alice, { q: word }))).toEqual([id]);
  });

  it('no longer finds a deleted item', async () => {
    const word = uniqueWord();
    const id = await createItem(alice, { title: word, visibility: 'public' });
    await searchUntil(alice, { q: word }, (r) => ids(r).includes(id));

    const deleted = await call('DELETE', `/v1/items/${id}`, { token: alice.idToken });
    expect(deleted.status).toBe(204);

    const reply = await searchUntil(alice, { q: word }, (r) => ids(r).length === 0);
    expect(reply.json).toMatchObject({ items: [], total: 0, nextCursor: null });
  });

  it("never shows another user's private item, whatever q, tags or owner say", async () => {
    const word = uniqueWord();
    const secret = await createItem(alice, { title: `Secret ${word}`, tags: ['secret'] });
    // It is indexed: its owner finds it.
    await searchUntil(alice, { q: word }, (r) => ids(r).includes(secret));
    const attempts: Record<string, string>[] = [
      { q: word },
      { q: `${word} | matchall` },
      { q: `"${word}" -nothing *` },
      { q: `${word}') (or matchall` },
      { owner: alice.sub },
      { owner: `${alice.sub}') (or (term field=visibility 'private')` },
      { tags: 'secret' },
      { tags: `secret' (or matchall`, q: word },
      { q: word, owner: `x\\' matchall` },
    ];

    // One at a time: in parallel each would start an execution environment of its own,
    // nine cold starts at once that can outlast the timeout on a loaded machine.
    for (const query of attempts) {
      const reply = await search(bob, query);
      expect(reply.status).toBe(200);
      expect(ids(reply)).not.toContain(secret);
    }
  });

  it('filters by every given tag and by owner', async () => {
    const word = uniqueWord();
    const both = await createItem(alice, {
      title: word,
      tags: ['red', 'big'],
      visibility: 'public',
    });
    await createItem(alice, { title: word, tags: ['red'], visibility: 'public' });
    const bobs = await createItem(bob, { title: word, tags: ['red', 'big'], visibility: 'public' });
    await searchUntil(alice, { q: word }, (r) => r.json.total === 3);

    const tagged = await search(alice, { q: word, tags: 'Red,big' });
    const owned = await search(alice, { q: word, tags: 'red,big', owner: bob.sub });

    expect(ids(tagged).sort()).toEqual([both, bobs].sort());
    expect(ids(owned)).toEqual([bobs]);
  });

  it('pages through results with an opaque cursor bound to the search', async () => {
    const word = uniqueWord();
    for (let i = 0; i < 3; i++)
      await createItem(alice, { title: `${word} ${i}`, visibility: 'public' });
    await searchUntil(alice, { q: word }, (r) => r.json.total === 3);

    const first = await search(alice, { q: word, limit: '2' });
    const second = await search(alice, {
      q: word,
      limit: '2',
      cursor: String(first.json.nextCursor),
    });
    const foreign = await search(bob, {
      q: word,
      limit: '2',
      cursor: String(first.json.nextCursor),
    });
    const otherQuery = await search(alice, { q: 'other', cursor: String(first.json.nextCursor) });

    expect(ids(first)).toHaveLength(2);
    expect(ids(second)).toHaveLength(1);
    expect(new Set([...ids(first), ...ids(second)]).size).toBe(3);
    expect(second.json.nextCursor).toBeNull();
    expect(foreign.status).toBe(400);
    expect(otherQuery.status).toBe(400);
  });

  it('creates no duplicate document when a create is retried with its Idempotency-Key', async () => {
    const word = uniqueWord();
    const key = randomUUID();
    const create = () =>
      call('POST', '/v1/items', {
        token: alice.idToken,
        headers: { 'Idempotency-Key': key },
        body: { title: word, visibility: 'public' },
      });
    const [first, retry] = [await create(), await create()];
    expect(retry.json.id).toBe(first.json.id);

    const reply = await searchUntil(alice, { q: word }, (r) => ids(r).length > 0);

    expect(reply.json.total).toBe(1);
  });

  it('answers 400 problem details when neither q nor a filter is given', async () => {
    const reply = await search(alice, {});

    expect(reply.status).toBe(400);
    expect(reply.headers.get('content-type')).toContain('application/problem+json');
  });

  it('answers 400 for a tampered cursor and 401 without a token', async () => {
    const tampered = await search(alice, { q: 'x', cursor: 'abc.def' });
    const anonymous = await call('GET', '/v1/search?q=x');

    expect(tampered.status).toBe(400);
    expect(anonymous.status).toBe(401);
  });

  it('answers 405 with Allow for other methods', async () => {
    const reply = await call('POST', '/v1/search', { token: alice.idToken, body: {} });

    expect(reply.status).toBe(405);
    expect(reply.headers.get('allow')).toBe('GET');
  });
});
