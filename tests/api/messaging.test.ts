import { randomUUID } from 'node:crypto';
import { jest } from '@jest/globals';
import { SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { call, eventually } from './support/http';
import {
  conversationOf,
  eventuallyPushes,
  messagesBetween,
  pushesTo,
  type Push,
  registerDevice,
  withProfile,
} from './support/messaging';
import { sandboxOutputs } from './support/outputs';
import { newUser, trySignIn, type TestUser } from './support/users';

async function twoUsers(): Promise<[TestUser, TestUser]> {
  const [a, b] = await Promise.all([newUser(), newUser()]);
  return [await withProfile(a), await withProfile(b)];
}

async function send(from: TestUser, to: TestUser, text: string, idempotencyKey?: string) {
  return call('POST', '/v1/messages', {
    token: from.idToken,
    body: { to: to.sub, text },
    ...(idempotencyKey && { headers: { 'Idempotency-Key': idempotencyKey } }),
  });
}

jest.setTimeout(30_000);

const settle = () => new Promise((done) => setTimeout(done, 1500));

describe('devices', () => {
  it('registers a device and lists it without its token', async () => {
    const [a] = await twoUsers();

    const reply = await call('POST', '/v1/devices', {
      token: a.idToken,
      body: { platform: 'ios', token: `ios-${randomUUID()}` },
    });
    const list = await call('GET', '/v1/devices', { token: a.idToken });

    expect(reply.status).toBe(201);
    expect(Object.keys(reply.json).sort()).toEqual(['createdAt', 'deviceId', 'platform']);
    expect(list.json.items).toEqual([reply.json]);
  });

  it('returns the same device when the same token is registered twice', async () => {
    const [a] = await twoUsers();
    const first = await registerDevice(a, 'android');

    const again = await registerDevice(a, 'android', first.token);
    const list = await call('GET', '/v1/devices', { token: a.idToken });

    expect(again.deviceId).toBe(first.deviceId);
    expect(list.json.items).toHaveLength(1);
  });

  it('deletes a device so that it gets no more pushes', async () => {
    // prepare
    const [a, b] = await twoUsers();
    const device = await registerDevice(a, 'ios');

    // act
    const reply = await call('DELETE', `/v1/devices/${device.deviceId}`, { token: a.idToken });
    await send(b, a, 'anyone there?');
    await conversationOf(a, b);
    await settle();

    // assess
    expect(reply.status).toBe(204);
    expect(await pushesTo(a)).toEqual([]);
  });

  it("moves a phone's token to the user who signs in on it, and stops pushing the previous user's messages to it", async () => {
    // prepare: A's phone is signed in by B, whose app registers the same token
    const [a, b] = await twoUsers();
    const c = await withProfile(await newUser());
    const phone = await registerDevice(a, 'ios');
    const taken = await registerDevice(b, 'ios', phone.token);

    // act
    await send(c, a, 'for A only');
    await send(c, b, 'for B');
    await conversationOf(c, a);
    await eventuallyPushes(b, 1);
    await settle();

    // assess
    const [listA, listB] = await Promise.all([
      call('GET', '/v1/devices', { token: a.idToken }),
      call('GET', '/v1/devices', { token: b.idToken }),
    ]);
    const url = `${sandboxOutputs().PushOutboxUrl}?token=${encodeURIComponent(phone.token)}`;
    const onPhone = ((await (await fetch(url)).json()) as { items: Push[] }).items;
    expect(taken.deviceId).toBe(phone.deviceId);
    expect(listA.json.items).toEqual([]);
    expect(listB.json.items).toEqual([expect.objectContaining({ deviceId: phone.deviceId })]);
    expect(onPhone.map((push) => JSON.stringify(push.payload))).toEqual([
      expect.stringContaining('for B'),
    ]);
  });

  it("answers 404 for another user's device", async () => {
    const [a, b] = await twoUsers();
    const device = await registerDevice(a, 'ios');

    const reply = await call('DELETE', `/v1/devices/${device.deviceId}`, { token: b.idToken });

    expect(reply.status).toBe(404);
    expect(reply.headers.get('content-type')).toBe('application/problem+json');
  });

  it('refuses an unknown platform with 422', async () => {
    const [a] = await twoUsers();

    const reply = await call('POST', '/v1/devices', {
      token: a.idToken,
      body: { platform: 'windows', token: 'x' },
    });

    expect(reply.status).toBe(422);
    expect(reply.json.errors).toEqual([expect.objectContaining({ path: 'platform' })]);
  });
});

describe('sending a message', () => {
  it('stores it once in the conversation and pushes it once with the APNs payload', async () => {
    // prepare
    const [a, b] = await twoUsers();
    const device = await registerDevice(a, 'ios');

    // act
    const reply = await send(b, a, 'Is Tuesday at 10 still good for you?');
    const conversation = await conversationOf(a, b);
    const pushes = await eventuallyPushes(a, 1);
    await settle();

    // assess
    expect(reply.status).toBe(202);
    expect(reply.json).toEqual({ messageId: expect.any(String), status: 'queued' });
    expect(conversation.json.items).toEqual([
      {
        messageId: reply.json.messageId,
        from: b.sub,
        to: a.sub,
        text: 'Is Tuesday at 10 still good for you?',
        sentAt: expect.any(String),
      },
    ]);
    expect(await pushesTo(a)).toHaveLength(1);
    expect(pushes[0]).toMatchObject({
      platform: 'APNS',
      token: device.token,
      payload: {
        aps: {
          alert: { title: 'New message', body: 'Is Tuesday at 10 still good for you?' },
          sound: 'default',
        },
        messageId: reply.json.messageId,
        from: b.sub,
      },
    });
  });

  it('pushes the FCM payload to an Android device', async () => {
    const [a, b] = await twoUsers();
    await registerDevice(a, 'android');

    const reply = await send(b, a, 'On my way');
    const [push] = await eventuallyPushes(a, 1);

    expect(push).toMatchObject({
      platform: 'GCM',
      payload: {
        notification: { title: 'New message', body: 'On my way' },
        data: { messageId: reply.json.messageId, from: b.sub },
      },
    });
  });

  it('stores and pushes once when the send is retried with its idempotency key', async () => {
    // prepare
    const [a, b] = await twoUsers();
    await registerDevice(a, 'ios');
    const key = randomUUID();

    // act
    const first = await send(b, a, 'Booked!', key);
    const retry = await send(b, a, 'Booked!', key);
    await conversationOf(a, b);
    await eventuallyPushes(a, 1);
    await settle();

    // assess
    expect(retry.status).toBe(202);
    expect(retry.json.messageId).toBe(first.json.messageId);
    expect((await messagesBetween(a, b)).json.items).toHaveLength(1);
    expect(await pushesTo(a)).toHaveLength(1);
  });

  it('removes a device whose token the platform rejects and still pushes to the others', async () => {
    // prepare
    const [a, b] = await twoUsers();
    const good = await registerDevice(a, 'ios');
    await registerDevice(a, 'android', `invalid-${randomUUID()}`);

    // act
    await send(b, a, 'Hello');
    const pushes = await eventuallyPushes(a, 1);
    const devices = await eventually(
      () => call('GET', '/v1/devices', { token: a.idToken }),
      (reply) => reply.json.items?.length === 1,
    );

    // assess
    expect(pushes.map((push) => push.token)).toEqual([good.token]);
    expect(devices.json.items).toEqual([expect.objectContaining({ deviceId: good.deviceId })]);
  });

  it('answers 404 for a recipient who does not exist', async () => {
    const [a] = await twoUsers();

    const reply = await call('POST', '/v1/messages', {
      token: a.idToken,
      body: { to: randomUUID(), text: 'hi' },
    });

    expect(reply.status).toBe(404);
    expect(reply.headers.get('content-type')).toBe('application/problem+json');
  });

  it('refuses an empty text with 422', async () => {
    const [a, b] = await twoUsers();

    const reply = await send(a, b, '');

    expect(reply.status).toBe(422);
    expect(reply.json.errors).toEqual([expect.objectContaining({ path: 'text' })]);
  });

  it('refuses a message to oneself with 422', async () => {
    const [a] = await twoUsers();

    const reply = await send(a, a, 'note to self');

    expect(reply.status).toBe(422);
  });
});

describe('conversations', () => {
  it('lists the most recent conversation first with its unread count', async () => {
    // prepare
    const [a, b] = await twoUsers();
    const c = await withProfile(await newUser());
    await send(b, a, 'first');
    await eventually(
      () => call('GET', '/v1/conversations', { token: a.idToken }),
      (list) => list.json.items?.length === 1,
    );
    await send(c, a, 'second');

    // act
    const reply = await eventually(
      () => call('GET', '/v1/conversations', { token: a.idToken }),
      (list) => list.json.items?.length === 2,
    );

    // assess
    expect(reply.json.items?.map((item) => item.peerId)).toEqual([c.sub, b.sub]);
    expect(reply.json.items?.[0]).toMatchObject({
      unread: 1,
      lastMessage: expect.objectContaining({ text: 'second' }),
    });
    expect(reply.json.items?.[1]).toMatchObject({ unread: 1 });
  });

  it('shows the newest message last, however the worker interleaves a burst of them', async () => {
    // prepare
    const [a, b] = await twoUsers();
    const texts = Array.from({ length: 8 }, (_, index) => `burst ${index + 1}`);
    for (const text of texts) await send(a, b, text);
    // Read on the sender's side: reading marks the reader's line read.
    await conversationOf(a, b, texts.length);

    // act
    const [mine, theirs] = await Promise.all([
      call('GET', '/v1/conversations', { token: a.idToken }),
      call('GET', '/v1/conversations', { token: b.idToken }),
    ]);

    // assess
    expect(theirs.json.items?.[0]).toMatchObject({
      peerId: a.sub,
      unread: texts.length,
      lastMessage: expect.objectContaining({ text: 'burst 8' }),
    });
    expect(mine.json.items?.[0]?.lastMessage).toMatchObject({ text: 'burst 8' });
  });

  it('marks the conversation read when its messages are read', async () => {
    const [a, b] = await twoUsers();
    await send(b, a, 'ping');
    await conversationOf(a, b);

    const list = await call('GET', '/v1/conversations', { token: a.idToken });

    expect(list.json.items?.[0]?.unread).toBe(0);
  });

  it('keeps the sender at zero unread', async () => {
    const [a, b] = await twoUsers();
    await send(b, a, 'ping');
    await conversationOf(a, b);

    const list = await call('GET', '/v1/conversations', { token: b.idToken });

    expect(list.json.items?.[0]).toMatchObject({ peerId: a.sub, unread: 0 });
  });

  it('pages through messages newest first', async () => {
    // prepare
    const [a, b] = await twoUsers();
    for (const text of ['one', 'two', 'three']) {
      await send(b, a, text);
      await new Promise((done) => setTimeout(done, 5));
    }
    await conversationOf(a, b, 3);

    // act
    const first = await call('GET', `/v1/conversations/${b.sub}/messages?limit=2`, {
      token: a.idToken,
    });
    const second = await call(
      'GET',
      `/v1/conversations/${b.sub}/messages?limit=2&cursor=${String(first.json.nextCursor)}`,
      { token: a.idToken },
    );

    // assess
    expect(first.json.items?.map((m) => m.text)).toEqual(['three', 'two']);
    expect(second.json.items?.map((m) => m.text)).toEqual(['one']);
    expect(second.json.nextCursor).toBeNull();
  });

  it('lets nobody read a conversation they are not part of', async () => {
    // prepare
    const [a, b] = await twoUsers();
    const stranger = await withProfile(await newUser());
    await send(b, a, 'private');
    await conversationOf(a, b);

    // act
    const asPeerOfA = await messagesBetween(stranger, a);
    const asPeerOfB = await messagesBetween(stranger, b);
    const ownList = await call('GET', '/v1/conversations', { token: stranger.idToken });

    // assess
    expect(asPeerOfA.status).toBe(404);
    expect(asPeerOfB.status).toBe(404);
    expect(ownList.json.items).toEqual([]);
  });

  it("refuses another listing's cursor with 400", async () => {
    const [a, b] = await twoUsers();
    await send(b, a, 'x');
    await send(b, a, 'y');
    await conversationOf(a, b, 2);
    const page = await call('GET', `/v1/conversations/${b.sub}/messages?limit=1`, {
      token: a.idToken,
    });

    const reply = await call('GET', `/v1/conversations?cursor=${String(page.json.nextCursor)}`, {
      token: a.idToken,
    });

    expect(reply.status).toBe(400);
  });

  it('answers 401 without a token', async () => {
    const reply = await call('GET', '/v1/conversations');

    expect(reply.status).toBe(401);
  });
});

describe('account deletion', () => {
  it("erases the user's messages and leaves the peer the conversation as a placeholder", async () => {
    // prepare
    const [a, b] = await twoUsers();
    await registerDevice(a, 'ios');
    await send(b, a, 'bye');
    await conversationOf(a, b);
    await send(a, b, 'see you');
    await conversationOf(b, a, 2);

    // act
    const reply = await call('DELETE', '/v1/me', { token: a.idToken });
    const peerList = await eventually(
      () => call('GET', '/v1/conversations', { token: b.idToken }),
      (list) => list.json.items?.[0]?.peerDeleted === true,
      15_000,
    );

    // assess
    expect(reply.status).toBe(202);
    expect(peerList.json.items).toEqual([
      expect.objectContaining({
        peerId: a.sub,
        peerDeleted: true,
        lastMessage: expect.objectContaining({ from: a.sub, text: '' }),
      }),
    ]);
    const kept = await messagesBetween(b, a);
    expect(kept.json.items?.map((message) => message.text)).toEqual(['bye']);
  });
});

describe('a message still queued when its recipient deletes their account', () => {
  it('is dropped by the worker instead of recreating the erased conversation', async () => {
    // prepare: B is erased completely
    const [a, b] = await twoUsers();
    const c = await withProfile(await newUser());
    await call('DELETE', '/v1/me', { token: b.idToken });
    await eventually(
      () => trySignIn(b),
      (ok) => !ok,
      15_000,
    );

    // act: the message A sent before B's deletion reaches the worker only now
    const outputs = sandboxOutputs();
    const sqs = new SQSClient({
      endpoint: outputs.SqsEndpoint,
      region: 'us-east-1',
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    });
    await sqs.send(
      new SendMessageCommand({
        QueueUrl: outputs.MessageQueueUrl,
        MessageBody: JSON.stringify({
          messageId: `01JD${randomUUID().replaceAll('-', '').slice(0, 22).toUpperCase()}`,
          from: a.sub,
          to: b.sub,
          text: 'sent just before the deletion',
          sentAt: new Date().toISOString(),
        }),
      }),
    );
    sqs.destroy();
    // A later message shows the worker has moved past the queued one.
    await send(a, c, 'later');
    await conversationOf(a, c);
    await settle();

    // assess
    const list = await call('GET', '/v1/conversations', { token: a.idToken });
    expect(list.json.items?.map((entry) => entry.peerId)).toEqual([c.sub]);
    expect((await messagesBetween(a, b)).status).toBe(404);
  });
});
