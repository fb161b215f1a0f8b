// Broken object-level authorization (OWASP API #1), route by route: user B
// tries every id and cursor of user A's that a route takes. Each attempt is a
// 404 (or, for A's public item, the public view) or a 400 for a foreign
// cursor, and nothing of A's changes.
import { randomUUID } from 'node:crypto';
import { call, eventually, type ApiReply } from './support/http';
import { registerDevice, withProfile } from './support/messaging';
import { newUser, type TestUser } from './support/users';

let alice: TestUser;
let bob: TestUser;
let carol: TestUser;
const tag = `bola-${randomUUID().slice(0, 8)}`;
const of = {
  privateItem: '',
  publicItem: '',
  media: '',
  device: '',
  itemsCursor: '',
  conversationsCursor: '',
  messagesCursor: '',
  searchCursor: '',
};

async function created(reply: Promise<ApiReply>, status = 201): Promise<ApiReply> {
  const done = await reply;
  if (done.status !== status) throw new Error(`setup: ${done.status} ${done.text}`);
  return done;
}

const asAlice = (method: string, path: string, body?: unknown) =>
  call(method, path, { token: alice.idToken, ...(body !== undefined && { body }) });

async function nextCursorOf(path: string): Promise<string> {
  const reply = await eventually(
    () => asAlice('GET', path),
    (page) => typeof page.json.nextCursor === 'string',
    15_000,
  );
  if (typeof reply.json.nextCursor !== 'string') throw new Error(`setup: no cursor for ${path}`);
  return reply.json.nextCursor;
}

/** What Alice sees of her own things: compared before and after Bob's attempts. */
async function aliceState() {
  const [me, privateItem, publicItem, media, devices, conversation] = await Promise.all([
    asAlice('GET', '/v1/me'),
    asAlice('GET', `/v1/items/${of.privateItem}`),
    asAlice('GET', `/v1/items/${of.publicItem}`),
    asAlice('GET', `/v1/media/${of.media}`),
    asAlice('GET', '/v1/devices'),
    asAlice('GET', `/v1/conversations/${carol.sub}/messages`),
  ]);
  return [me, privateItem, publicItem, media, devices, conversation].map((reply) => ({
    status: reply.status,
    body: { ...reply.json, url: undefined },
  }));
}

let before: Awaited<ReturnType<typeof aliceState>>;

beforeAll(async () => {
  [alice, bob, carol] = await Promise.all([newUser(), newUser(), newUser()]);
  await Promise.all([withProfile(alice), withProfile(bob), withProfile(carol)]);
  const item = (visibility: string, n: number) =>
    created(asAlice('POST', '/v1/items', { title: `Note ${n} ${tag}`, tags: [tag], visibility }));
  of.privateItem = String((await item('private', 1)).json.id);
  of.publicItem = String((await item('public', 2)).json.id);
  await item('public', 3);
  of.media = String(
    (await created(asAlice('POST', '/v1/media', { contentType: 'image/jpeg', size: 100 }))).json
      .mediaId,
  );
  of.device = (await registerDevice(alice, 'ios')).deviceId;
  for (const [to, text] of [
    [carol, 'one'],
    [carol, 'two'],
    [bob, 'hi'],
  ] as const) {
    await created(asAlice('POST', '/v1/messages', { to: to.sub, text }), 202);
  }
  of.itemsCursor = await nextCursorOf('/v1/items?limit=1');
  of.conversationsCursor = await nextCursorOf('/v1/conversations?limit=1');
  of.messagesCursor = await nextCursorOf(`/v1/conversations/${carol.sub}/messages?limit=1`);
  of.searchCursor = await nextCursorOf(`/v1/search?tags=${tag}&limit=1`);
  before = await aliceState();
}, 60_000);

const bobCalls = (): [string, string, string, unknown, number[]][] => [
  ['reads', 'GET', `/v1/items/${of.privateItem}`, undefined, [404]],
  ['patches', 'PATCH', `/v1/items/${of.privateItem}`, { title: 'mine now' }, [404]],
  ['deletes', 'DELETE', `/v1/items/${of.privateItem}`, undefined, [404]],
  ['patches the public', 'PATCH', `/v1/items/${of.publicItem}`, { title: 'mine now' }, [404]],
  ['deletes the public', 'DELETE', `/v1/items/${of.publicItem}`, undefined, [404]],
  ['reads the media', 'GET', `/v1/media/${of.media}`, undefined, [404]],
  [
    'reads the media through her private item',
    'GET',
    `/v1/media/${of.media}?item=${of.privateItem}`,
    undefined,
    [404],
  ],
  ['deletes the media', 'DELETE', `/v1/media/${of.media}`, undefined, [404]],
  ['deletes the device', 'DELETE', `/v1/devices/${of.device}`, undefined, [404]],
  ['pages her items', 'GET', `/v1/items?cursor=${of.itemsCursor}`, undefined, [400]],
  [
    'pages her conversations',
    'GET',
    `/v1/conversations?cursor=${of.conversationsCursor}`,
    undefined,
    [400],
  ],
  [
    'pages her messages with Carol',
    'GET',
    `/v1/conversations/${carol.sub}/messages?cursor=${of.messagesCursor}`,
    undefined,
    [400],
  ],
  [
    'pages his own messages with her cursor',
    'GET',
    `/v1/conversations/${alice.sub}/messages?cursor=${of.messagesCursor}`,
    undefined,
    [400],
  ],
  [
    'pages her search',
    'GET',
    `/v1/search?tags=${tag}&limit=1&cursor=${of.searchCursor}`,
    undefined,
    [400],
  ],
];

describe("user B on user A's ids and cursors", () => {
  it("is refused on every route, with a problem document that reveals nothing of A's", async () => {
    const replies = [];
    for (const [what, method, path, body, allowed] of bobCalls()) {
      const reply = await call(method, path, {
        token: bob.idToken,
        ...(body !== undefined && { body }),
      });
      replies.push({
        what,
        status: reply.status,
        allowed,
        leaks: /Note \d|one|two/.test(reply.text),
      });
    }

    expect(replies.filter((reply) => !reply.allowed.includes(reply.status))).toEqual([]);
    expect(replies.filter((reply) => reply.leaks)).toEqual([]);
  });

  it("sees only the public view of A's public item", async () => {
    const reply = await call('GET', `/v1/items/${of.publicItem}`, { token: bob.idToken });

    expect(reply.status).toBe(200);
    expect(reply.json).toMatchObject({ id: of.publicItem, ownerId: alice.sub });
  });

  it("finds A's private item in no search", async () => {
    const reply = await eventually(
      () => call('GET', `/v1/search?tags=${tag}`, { token: bob.idToken }),
      (page) => (page.json.items?.length ?? 0) >= 2,
      15_000,
    );

    expect(reply.json.items?.map((item) => item.id)).not.toContain(of.privateItem);
    expect(reply.json.total).toBe(2);
  });

  it("leaves everything of A's as it was", async () => {
    for (const [, method, path, body] of bobCalls()) {
      await call(method, path, { token: bob.idToken, ...(body !== undefined && { body }) });
    }

    await expect(aliceState()).resolves.toEqual(before);
  });
});
