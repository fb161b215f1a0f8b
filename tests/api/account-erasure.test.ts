import { randomUUID } from 'node:crypto';
import { jest } from '@jest/globals';
import { call, eventually, type ApiReply } from './support/http';
import {
  closeErasureClients,
  erasuresOf,
  finishedErasure,
  injectTaskFault,
  profileRecordOf,
  recordsMentioning,
  timesRaised,
} from './support/erasure';
import { conversationOf, registerDevice, withProfile } from './support/messaging';
import { newUser, trySignIn, type TestUser } from './support/users';
import { connect, upgradeStatus, webSocketUrl } from './support/websocket';
import { tinyJpeg as jpeg } from './support/images';

// DELETE /v1/me through the sandbox's Step Functions: the template's state
// machine, its Task states invoking AccountDeletionFunction. The api sandbox
// waits 100 ms before each Retry instead of the definition's seconds.

jest.setTimeout(90_000);

afterAll(() => closeErasureClients());

async function readyMedia(user: TestUser): Promise<string> {
  const reply = await call('POST', '/v1/media', {
    token: user.idToken,
    body: { contentType: 'image/jpeg', size: jpeg.length },
  });
  const { mediaId, upload } = reply.json as {
    mediaId: string;
    upload: { url: string; headers: Record<string, string> };
  };
  const headers = { ...upload.headers };
  delete headers['Content-Length'];
  await fetch(upload.url, { method: 'PUT', headers, body: jpeg });
  await eventually(
    () => call('GET', `/v1/media/${mediaId}`, { token: user.idToken }),
    (media) => media.json.status === 'ready',
    20_000,
  );
  return mediaId;
}

async function send(from: TestUser, to: TestUser, text: string): Promise<void> {
  const reply = await call('POST', '/v1/messages', {
    token: from.idToken,
    body: { to: to.sub, text },
  });
  if (reply.status !== 202) throw new Error(`POST /v1/messages: ${reply.status} ${reply.text}`);
}

const searchFor = (user: TestUser, word: string) =>
  call('GET', `/v1/search?q=${word}`, { token: user.idToken });
const hits = (reply: ApiReply) => reply.json.items?.length ?? 0;

describe('DELETE /v1/me', () => {
  it('erases everything of the account within seconds; the peer keeps a placeholder', async () => {
    // prepare: items, media, two conversations, a device and an open WebSocket
    const [user, peerA, peerB] = await Promise.all([newUser(), newUser(), newUser()]);
    await Promise.all([user, peerA, peerB].map(withProfile));
    const word = `erasable${randomUUID().slice(0, 8)}`;
    await call('POST', '/v1/items', {
      token: user.idToken,
      body: { title: `Public ${word}`, visibility: 'public' },
    });
    await call('POST', '/v1/items', { token: user.idToken, body: { title: `Private ${word}` } });
    await readyMedia(user);
    await send(user, peerA, 'hello A');
    await conversationOf(peerA, user, 1);
    await send(peerA, user, 'hello back');
    await send(user, peerB, 'hello B');
    await conversationOf(peerA, user, 2);
    await conversationOf(peerB, user, 1);
    await registerDevice(user, 'ios');
    const socket = await connect(user.idToken);
    await eventually(
      () => searchFor(peerA, word),
      (reply) => hits(reply) === 1,
    );

    // act
    const reply = await call('DELETE', '/v1/me', { token: user.idToken });
    const execution = await finishedErasure(user);

    // assess: nothing of the user's is left but the tombstone and the peers' placeholders
    expect(reply.status).toBe(202);
    expect(execution).toMatchObject({ status: 'SUCCEEDED' });
    // Seconds of work, cold starts of the step function included.
    const tookMs = Number(execution.stopDate) - Number(execution.startDate);
    expect(tookMs).toBeLessThan(20_000);
    const left = await recordsMentioning(user);
    expect(left.filter((r) => r.PK === `USER#${user.sub}`)).toEqual([
      expect.objectContaining({ SK: 'PROFILE', status: 'deleted' }),
    ]);
    const others = left.filter((r) => r.PK !== `USER#${user.sub}`);
    for (const record of others) {
      expect(record).toEqual(
        record.entity === 'conversation'
          ? expect.objectContaining({ SK: `CONV#${user.sub}`, peerDeleted: true })
          : expect.objectContaining({ entity: 'message', to: user.sub }),
      );
    }
    expect(await socket.closed).toMatchObject({ code: expect.any(Number) });
    expect(
      hits(
        await eventually(
          () => searchFor(peerA, word),
          (r) => hits(r) === 0,
        ),
      ),
    ).toBe(0);
    expect(await trySignIn(user)).toBe(false);

    // the peers: B's last message came from the user and keeps no text; A keeps their own message
    const linesOfB = await call('GET', '/v1/conversations', { token: peerB.idToken });
    expect(linesOfB.json.items).toEqual([
      expect.objectContaining({
        peerId: user.sub,
        peerDeleted: true,
        unread: 0,
        lastMessage: expect.objectContaining({ from: user.sub, text: '' }),
      }),
    ]);
    const messagesOfA = await call('GET', `/v1/conversations/${user.sub}/messages`, {
      token: peerA.idToken,
    });
    expect(messagesOfA.json.items?.map((m) => m.text)).toEqual(['hello back']);
  });

  it("refuses the account's still-valid token on every route and at $connect", async () => {
    const user = await withProfile(await newUser());
    await call('DELETE', '/v1/me', { token: user.idToken });

    const requests: [string, string, unknown?][] = [
      ['GET', '/v1/me'],
      ['GET', '/v1/items'],
      ['POST', '/v1/items', { title: 'After' }],
      ['GET', '/v1/search?q=anything'],
      ['GET', '/v1/conversations'],
      ['GET', '/v1/devices'],
      ['POST', '/v1/media', { contentType: 'image/jpeg', size: 10 }],
    ];
    const replies: ApiReply[] = [];
    for (const [method, path, body] of requests) {
      replies.push(await call(method, path, { token: user.idToken, body }));
    }
    const again = await call('DELETE', '/v1/me', { token: user.idToken });

    expect(replies.map((r) => [r.status, r.json.type])).toEqual(
      replies.map(() => [403, 'https://mobile-backend.dev/problems/account-deleted']),
    );
    expect(await upgradeStatus(webSocketUrl(user.idToken))).toBe(403);
    expect(again.status).toBe(202);
  });

  it('starts no second execution when asked again', async () => {
    const user = await withProfile(await newUser());

    const first = await call('DELETE', '/v1/me', { token: user.idToken });
    const second = await call('DELETE', '/v1/me', { token: user.idToken });
    await finishedErasure(user);
    const third = await call('DELETE', '/v1/me', { token: user.idToken });

    expect([first.status, second.status, third.status]).toEqual([202, 202, 202]);
    expect(await erasuresOf(user)).toEqual([`erase-${user.sub}`]);
  });
});

describe('a failing erasure step', () => {
  it('is retried after two transient failures, and the erasure still succeeds', async () => {
    const user = await withProfile(await newUser());
    const other = await newUser();
    const item = await call('POST', '/v1/items', {
      token: user.idToken,
      body: { title: 'Retried away', visibility: 'public' },
    });
    await injectTaskFault({
      state: 'EraseItemsPage',
      userId: user.sub,
      error: 'Lambda.TooManyRequestsException',
      times: 2,
    });

    await call('DELETE', '/v1/me', { token: user.idToken });
    const execution = await finishedErasure(user);

    expect(execution.status).toBe('SUCCEEDED');
    expect(await timesRaised('EraseItemsPage', user)).toBe(2);
    expect(
      (await call('GET', `/v1/items/${String(item.json.id)}`, { token: other.idToken })).status,
    ).toBe(404);
  });

  it('that keeps failing ends the execution in Fail with the cause, the account still deleting', async () => {
    const user = await withProfile(await newUser());
    await injectTaskFault({
      state: 'DeleteIdentity',
      userId: user.sub,
      error: 'Lambda.ServiceException',
      cause: 'Cognito is down (injected)',
    });

    await call('DELETE', '/v1/me', { token: user.idToken });
    const execution = await finishedErasure(user);

    expect(execution).toMatchObject({
      status: 'FAILED',
      error: 'Lambda.ServiceException',
      cause: 'Cognito is down (injected)',
    });
    expect(await timesRaised('DeleteIdentity', user)).toBe(6);
    expect(await profileRecordOf(user)).toMatchObject({ status: 'deleting' });
    expect((await call('GET', '/v1/me', { token: user.idToken })).status).toBe(403);
  });
});
