import { randomUUID } from 'node:crypto';
import { call } from './support/http';
import { newUser, type TestUser } from './support/users';

let owner: TestUser;
let stranger: TestUser;

beforeAll(async () => {
  [owner, stranger] = await Promise.all([newUser(), newUser()]);
});

async function createItem(user: TestUser, body: Record<string, unknown> = {}) {
  const reply = await call('POST', '/v1/items', {
    token: user.idToken,
    body: { title: `Item ${randomUUID()}`, ...body },
  });
  expect(reply.status).toBe(201);
  return reply;
}

describe('POST /v1/items', () => {
  it('creates the item with its location, ETag and normalised tags', async () => {
    const reply = await call('POST', '/v1/items', {
      token: owner.idToken,
      body: {
        title: 'Grooming',
        body: 'Saturday',
        tags: ['Dogs', 'dogs', 'Cats'],
        data: { price: 45 },
      },
    });

    expect(reply.status).toBe(201);
    expect(reply.headers.get('location')).toBe(`/v1/items/${String(reply.json.id)}`);
    expect(reply.headers.get('etag')).toBe('"1"');
    expect(reply.json).toMatchObject({
      ownerId: owner.sub,
      title: 'Grooming',
      body: 'Saturday',
      tags: ['dogs', 'cats'],
      visibility: 'private',
      data: { price: 45 },
      mediaIds: [],
      version: 1,
    });
  });

  it('answers 422 with the failing field when the title is missing', async () => {
    const reply = await call('POST', '/v1/items', {
      token: owner.idToken,
      body: { body: 'no title' },
    });

    expect(reply.status).toBe(422);
    expect(reply.headers.get('content-type')).toContain('application/problem+json');
    expect(reply.json.errors).toEqual(
      expect.arrayContaining([expect.objectContaining({ path: 'title' })]),
    );
  });

  it('answers 422 to more than 20 tags', async () => {
    const tags = Array.from({ length: 21 }, (_, i) => `tag${i}`);

    const reply = await call('POST', '/v1/items', {
      token: owner.idToken,
      body: { title: 'Tags', tags },
    });

    expect(reply.status).toBe(422);
  });

  it('answers 413 to an item above 64 KiB', async () => {
    const reply = await call('POST', '/v1/items', {
      token: owner.idToken,
      body: { title: 'Big', data: { blob: 'x'.repeat(70 * 1024) } },
    });

    expect(reply.status).toBe(413);
    expect(reply.json.status).toBe(413);
  });

  it('answers 415 to a body sent as text/plain', async () => {
    const reply = await call('POST', '/v1/items', {
      token: owner.idToken,
      rawBody: JSON.stringify({ title: 'x' }),
      headers: { 'Content-Type': 'text/plain' },
    });

    expect(reply.status).toBe(415);
  });

  it('answers 400 to malformed JSON', async () => {
    const reply = await call('POST', '/v1/items', {
      token: owner.idToken,
      rawBody: '{"title": "x",',
      headers: { 'Content-Type': 'application/json' },
    });

    expect(reply.status).toBe(400);
  });
});

describe('Idempotency-Key on POST /v1/items', () => {
  it('returns the first response to a retry and creates nothing new', async () => {
    const user = await newUser();
    const key = randomUUID();
    const body = { title: 'Only once' };

    const first = await call('POST', '/v1/items', {
      token: user.idToken,
      body,
      headers: { 'Idempotency-Key': key },
    });
    const retry = await call('POST', '/v1/items', {
      token: user.idToken,
      body,
      headers: { 'Idempotency-Key': key },
    });

    expect(first.status).toBe(201);
    expect(retry.status).toBe(201);
    expect(retry.json.id).toBe(first.json.id);
    const list = await call('GET', '/v1/items', { token: user.idToken });
    expect(list.json.items).toHaveLength(1);
  });

  it('answers 422 when the same key comes with another body', async () => {
    const key = randomUUID();
    await call('POST', '/v1/items', {
      token: owner.idToken,
      body: { title: 'A' },
      headers: { 'Idempotency-Key': key },
    });

    const reply = await call('POST', '/v1/items', {
      token: owner.idToken,
      body: { title: 'B' },
      headers: { 'Idempotency-Key': key },
    });

    expect(reply.status).toBe(422);
  });

  it('keeps two users who pick the same key apart', async () => {
    const key = randomUUID();
    const mine = await call('POST', '/v1/items', {
      token: owner.idToken,
      body: { title: 'Same' },
      headers: { 'Idempotency-Key': key },
    });

    const theirs = await call('POST', '/v1/items', {
      token: stranger.idToken,
      body: { title: 'Same' },
      headers: { 'Idempotency-Key': key },
    });

    expect(theirs.status).toBe(201);
    expect(theirs.json.id).not.toBe(mine.json.id);
    expect(theirs.json.ownerId).toBe(stranger.sub);
  });

  it('answers 400 to a key longer than 128 characters', async () => {
    const reply = await call('POST', '/v1/items', {
      token: owner.idToken,
      body: { title: 'Long key' },
      headers: { 'Idempotency-Key': 'k'.repeat(129) },
    });

    expect(reply.status).toBe(400);
  });
});

describe('GET /v1/items/{id}', () => {
  it('returns my own private item with its ETag', async () => {
    const created = await createItem(owner);

    const reply = await call('GET', `/v1/items/${String(created.json.id)}`, {
      token: owner.idToken,
    });

    expect(reply.status).toBe(200);
    expect(reply.json).toEqual(created.json);
    expect(reply.headers.get('etag')).toBe('"1"');
  });

  it("answers 404 for another user's private item", async () => {
    const created = await createItem(owner);

    const reply = await call('GET', `/v1/items/${String(created.json.id)}`, {
      token: stranger.idToken,
    });

    expect(reply.status).toBe(404);
    expect(reply.headers.get('content-type')).toContain('application/problem+json');
  });

  it("returns another user's public item", async () => {
    const created = await createItem(owner, { visibility: 'public' });

    const reply = await call('GET', `/v1/items/${String(created.json.id)}`, {
      token: stranger.idToken,
    });

    expect(reply.status).toBe(200);
    expect(reply.json.id).toBe(created.json.id);
  });

  it('answers 404 for an id that does not exist', async () => {
    const reply = await call('GET', '/v1/items/01JDQ3Z8X9K2M4N6P8R0T2V4W6', {
      token: owner.idToken,
    });

    expect(reply.status).toBe(404);
  });
});

describe('GET /v1/items', () => {
  it('lists only my items, newest first, page by page', async () => {
    const user = await newUser();
    const ids: string[] = [];
    for (let i = 0; i < 5; i += 1) ids.push(String((await createItem(user)).json.id));
    await createItem(stranger);

    const page1 = await call('GET', '/v1/items?limit=2', { token: user.idToken });
    const page2 = await call('GET', `/v1/items?limit=2&cursor=${String(page1.json.nextCursor)}`, {
      token: user.idToken,
    });
    const page3 = await call('GET', `/v1/items?limit=2&cursor=${String(page2.json.nextCursor)}`, {
      token: user.idToken,
    });

    const listed = [
      ...(page1.json.items ?? []),
      ...(page2.json.items ?? []),
      ...(page3.json.items ?? []),
    ].map((i) => i.id);
    expect(listed).toEqual([...ids].reverse());
    expect(page3.json.nextCursor).toBeNull();
  });

  it('answers 400 to a tampered cursor', async () => {
    const user = await newUser();
    await createItem(user);
    await createItem(user);
    const page = await call('GET', '/v1/items?limit=1', { token: user.idToken });
    const cursor = String(page.json.nextCursor);
    const tampered = `${cursor.slice(0, 5)}${cursor[5] === 'A' ? 'B' : 'A'}${cursor.slice(6)}`;

    const reply = await call('GET', `/v1/items?cursor=${tampered}`, { token: user.idToken });

    expect(reply.status).toBe(400);
    expect(reply.headers.get('content-type')).toContain('application/problem+json');
  });

  it("answers 400 to another user's cursor", async () => {
    const user = await newUser();
    await createItem(user);
    await createItem(user);
    const page = await call('GET', '/v1/items?limit=1', { token: user.idToken });

    const reply = await call('GET', `/v1/items?cursor=${String(page.json.nextCursor)}`, {
      token: stranger.idToken,
    });

    expect(reply.status).toBe(400);
  });

  it('answers 400 to a cursor that is not one of ours', async () => {
    const reply = await call('GET', '/v1/items?cursor=not-a-cursor', { token: owner.idToken });

    expect(reply.status).toBe(400);
  });

  it.each(['0', '101', 'ten'])('answers 400 to limit=%s', async (limit) => {
    const reply = await call('GET', `/v1/items?limit=${limit}`, { token: owner.idToken });

    expect(reply.status).toBe(400);
  });
});

describe('PATCH /v1/items/{id}', () => {
  it('merges the patch and bumps the version', async () => {
    const created = await createItem(owner, { body: 'old', tags: ['a'] });

    const reply = await call('PATCH', `/v1/items/${String(created.json.id)}`, {
      token: owner.idToken,
      body: { body: 'new', tags: null, visibility: 'public' },
      headers: { 'If-Match': '"1"' },
    });

    expect(reply.status).toBe(200);
    expect(reply.json).toMatchObject({
      title: created.json.title,
      body: 'new',
      tags: [],
      visibility: 'public',
      version: 2,
    });
    expect(reply.headers.get('etag')).toBe('"2"');
  });

  it('answers 412 and leaves the item unchanged when If-Match names another version', async () => {
    const created = await createItem(owner);

    const reply = await call('PATCH', `/v1/items/${String(created.json.id)}`, {
      token: owner.idToken,
      body: { title: 'late' },
      headers: { 'If-Match': '"3"' },
    });

    expect(reply.status).toBe(412);
    expect(reply.headers.get('content-type')).toContain('application/problem+json');
    const after = await call('GET', `/v1/items/${String(created.json.id)}`, {
      token: owner.idToken,
    });
    expect(after.json).toEqual(created.json);
    expect(after.headers.get('etag')).toBe('"1"');
  });

  it('answers 422 to a null title', async () => {
    const created = await createItem(owner);

    const reply = await call('PATCH', `/v1/items/${String(created.json.id)}`, {
      token: owner.idToken,
      body: { title: null },
    });

    expect(reply.status).toBe(422);
  });

  it("answers 404 to a patch of another user's public item", async () => {
    const created = await createItem(owner, { visibility: 'public' });

    const reply = await call('PATCH', `/v1/items/${String(created.json.id)}`, {
      token: stranger.idToken,
      body: { title: 'mine now' },
    });

    expect(reply.status).toBe(404);
    const unchanged = await call('GET', `/v1/items/${String(created.json.id)}`, {
      token: owner.idToken,
    });
    expect(unchanged.json.title).toBe(created.json.title);
  });
});

describe('DELETE /v1/items/{id}', () => {
  it('deletes my item: 204, then 404', async () => {
    const created = await createItem(owner);

    const reply = await call('DELETE', `/v1/items/${String(created.json.id)}`, {
      token: owner.idToken,
    });

    expect(reply.status).toBe(204);
    expect(reply.text).toBe('');
    const after = await call('GET', `/v1/items/${String(created.json.id)}`, {
      token: owner.idToken,
    });
    expect(after.status).toBe(404);
  });

  it('answers 412 and keeps the item when If-Match names another version', async () => {
    const created = await createItem(owner);

    const reply = await call('DELETE', `/v1/items/${String(created.json.id)}`, {
      token: owner.idToken,
      headers: { 'If-Match': '"9"' },
    });

    expect(reply.status).toBe(412);
    const after = await call('GET', `/v1/items/${String(created.json.id)}`, {
      token: owner.idToken,
    });
    expect(after.status).toBe(200);
  });

  it("answers 404 and keeps another user's item", async () => {
    const created = await createItem(owner, { visibility: 'public' });

    const reply = await call('DELETE', `/v1/items/${String(created.json.id)}`, {
      token: stranger.idToken,
    });

    expect(reply.status).toBe(404);
    const after = await call('GET', `/v1/items/${String(created.json.id)}`, {
      token: owner.idToken,
    });
    expect(after.status).toBe(200);
  });
});

describe('methods /v1/items does not support', () => {
  it('answers 405 to PUT on the collection', async () => {
    const reply = await call('PUT', '/v1/items', { token: owner.idToken, body: { title: 'x' } });

    expect(reply.status).toBe(405);
  });
});
