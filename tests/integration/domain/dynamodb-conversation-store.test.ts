import { type DynamoDBDocumentClient, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { DynamoDbProfileStore, newProfile } from '@mobile-backend/domain/data';
import { DynamoDbConversationStore } from '../../../layers/domain/src/messaging/dynamodb-conversation-store';
import type { StoredMessage } from '../../../layers/domain/src/messaging/message';
import { localDynamoDb, tableName, uniqueUserId } from './stores';

const { client, documents } = localDynamoDb();
const table = tableName('APP_TABLE_NAME');
const conversations = new DynamoDbConversationStore(documents, table);
const profiles = new DynamoDbProfileStore(documents, table);
const now = new Date('2026-11-22T12:00:00.000Z');

afterAll(() => client.destroy());

let sequence = 0;
function messageBetween(from: string, to: string): StoredMessage {
  sequence += 1;
  return {
    messageId: `01JD${String(sequence).padStart(22, '0')}`,
    from,
    to,
    text: `hello ${sequence}`,
    sentAt: now.toISOString(),
  };
}

async function activeUser(): Promise<string> {
  const userId = uniqueUserId();
  await profiles.create(newProfile({ userId, email: null, groups: [] }, now));
  return userId;
}

describe('DynamoDbConversationStore.storeOnce', () => {
  it('stores a message between active accounts once, with one unread for the recipient', async () => {
    const [alice, bob] = [await activeUser(), uniqueUserId()];
    const message = messageBetween(alice, bob);

    const first = await conversations.storeOnce(message);
    const again = await conversations.storeOnce(message);

    expect([first, again]).toEqual(['stored', 'stored-already']);
    expect(await conversations.summary(bob, alice)).toMatchObject({ unread: 1 });
    expect((await conversations.listMessages(bob, alice, { limit: 10 })).items).toEqual([message]);
  });

  it('keeps the newest message on both lines when an older one is stored after it', async () => {
    const [alice, bob] = [uniqueUserId(), uniqueUserId()];
    const older = messageBetween(alice, bob);
    const newer = { ...messageBetween(alice, bob), sentAt: '2026-11-22T12:00:01.000Z' };

    await conversations.storeOnce(newer);
    const late = await conversations.storeOnce(older);

    expect(late).toBe('stored');
    expect(await conversations.summary(bob, alice)).toEqual({
      peerId: alice,
      lastMessage: newer,
      updatedAt: newer.sentAt,
      unread: 2,
    });
    expect((await conversations.summary(alice, bob))?.lastMessage).toEqual(newer);
    expect((await conversations.listMessages(bob, alice, { limit: 10 })).items).toHaveLength(2);
  });

  it('orders messages sent in the same millisecond by message id', async () => {
    const [alice, bob] = [uniqueUserId(), uniqueUserId()];
    const first = messageBetween(alice, bob);
    const second = messageBetween(alice, bob);

    await conversations.storeOnce(second);
    await conversations.storeOnce(first);

    expect((await conversations.summary(bob, alice))?.lastMessage).toEqual(second);
  });

  it.each(['sender', 'recipient'] as const)(
    'writes nothing when the %s account is being erased',
    async (leaving) => {
      const [alice, bob] = [await activeUser(), await activeUser()];
      await profiles.markDeleting(leaving === 'sender' ? alice : bob, now);
      const message = messageBetween(alice, bob);

      const outcome = await conversations.storeOnce(message);

      expect(outcome).toBe('account-erased');
      expect(await conversations.summary(alice, bob)).toBeUndefined();
      expect(await conversations.summary(bob, alice)).toBeUndefined();
      expect((await conversations.listMessages(alice, bob, { limit: 10 })).items).toEqual([]);
    },
  );

  it('writes nothing when the recipient account was erased already', async () => {
    const [alice, bob] = [await activeUser(), await activeUser()];
    await profiles.erase(bob, now);

    const outcome = await conversations.storeOnce(messageBetween(alice, bob));

    expect(outcome).toBe('account-erased');
    expect(await conversations.summary(alice, bob)).toBeUndefined();
  });
});

describe('DynamoDbConversationStore.storeAllOnce', () => {
  const at = (message: StoredMessage, second: number): StoredMessage => ({
    ...message,
    sentAt: `2026-11-22T12:00:0${second}.000Z`,
  });

  it('stores a burst in both directions: both lines at its newest message, each unread counted', async () => {
    const [alice, bob] = [uniqueUserId(), uniqueUserId()];
    const burst = [
      at(messageBetween(alice, bob), 3),
      at(messageBetween(bob, alice), 1),
      at(messageBetween(alice, bob), 2),
    ];

    const outcomes = await conversations.storeAllOnce(burst);

    expect(outcomes).toEqual(['stored', 'stored', 'stored']);
    expect(await conversations.summary(bob, alice)).toMatchObject({
      lastMessage: burst[0],
      unread: 2,
    });
    expect(await conversations.summary(alice, bob)).toMatchObject({
      lastMessage: burst[0],
      unread: 1,
    });
    const stored = (await conversations.listMessages(bob, alice, { limit: 10 })).items;
    expect(stored).toHaveLength(3);
    expect(stored).toEqual(expect.arrayContaining(burst));
  });

  it('stores a burst older than the line and counts it unread, keeping the newer last message', async () => {
    const [alice, bob] = [uniqueUserId(), uniqueUserId()];
    const newer = at(messageBetween(alice, bob), 5);
    await conversations.storeOnce(newer);
    const late = [at(messageBetween(alice, bob), 1), at(messageBetween(alice, bob), 2)];

    const outcomes = await conversations.storeAllOnce(late);

    expect(outcomes).toEqual(['stored', 'stored']);
    expect(await conversations.summary(bob, alice)).toMatchObject({
      lastMessage: newer,
      unread: 3,
    });
    expect((await conversations.summary(alice, bob))?.lastMessage).toEqual(newer);
  });

  it('tells a redelivered message of a burst from the new ones, counting each new one once', async () => {
    const [alice, bob] = [uniqueUserId(), uniqueUserId()];
    const before = at(messageBetween(alice, bob), 1);
    await conversations.storeOnce(before);
    const burst = [before, at(messageBetween(alice, bob), 2), at(messageBetween(alice, bob), 3)];

    const outcomes = await conversations.storeAllOnce(burst);

    expect(outcomes).toEqual(['stored-already', 'stored', 'stored']);
    expect(await conversations.summary(bob, alice)).toMatchObject({
      lastMessage: burst[2],
      unread: 3,
    });
    expect((await conversations.listMessages(bob, alice, { limit: 10 })).items).toHaveLength(3);
  });

  it('writes nothing of a burst when the recipient account is being erased', async () => {
    const [alice, bob] = [await activeUser(), await activeUser()];
    await profiles.markDeleting(bob, now);

    const outcomes = await conversations.storeAllOnce([
      messageBetween(alice, bob),
      messageBetween(bob, alice),
    ]);

    expect(outcomes).toEqual(['account-erased', 'account-erased']);
    expect(await conversations.summary(alice, bob)).toBeUndefined();
    expect((await conversations.listMessages(alice, bob, { limit: 10 })).items).toEqual([]);
  });

  /** A store of its own, as another execution environment has, that counts its transactions. */
  function environmentCountingTransactions() {
    let transactions = 0;
    const counting = {
      send: (command: TransactWriteCommand) => {
        if (command instanceof TransactWriteCommand) transactions += 1;
        return documents.send(command);
      },
    } as unknown as DynamoDBDocumentClient;
    return {
      store: new DynamoDbConversationStore(counting, table),
      transactions: () => transactions,
    };
  }

  it('stores a burst older than a line it moved with one transaction, counted unread', async () => {
    const [alice, bob] = [uniqueUserId(), uniqueUserId()];
    const environment = environmentCountingTransactions();
    const newer = at(messageBetween(alice, bob), 5);
    await environment.store.storeOnce(newer);

    const outcomes = await environment.store.storeAllOnce([
      at(messageBetween(alice, bob), 1),
      at(messageBetween(bob, alice), 2),
    ]);

    expect(outcomes).toEqual(['stored', 'stored']);
    expect(environment.transactions()).toBe(2);
    expect(await conversations.summary(bob, alice)).toMatchObject({
      lastMessage: newer,
      unread: 2,
    });
    expect(await conversations.summary(alice, bob)).toMatchObject({
      lastMessage: newer,
      unread: 1,
    });
  });

  it('learns the line another environment moved from its failed move, for the bursts after', async () => {
    const [alice, bob] = [uniqueUserId(), uniqueUserId()];
    const newer = at(messageBetween(alice, bob), 5);
    await conversations.storeOnce(newer);
    const environment = environmentCountingTransactions();
    await environment.store.storeOnce(at(messageBetween(alice, bob), 1));
    const afterFirst = environment.transactions();

    const outcome = await environment.store.storeOnce(at(messageBetween(alice, bob), 3));

    expect(outcome).toBe('stored');
    expect([afterFirst, environment.transactions() - afterFirst]).toEqual([2, 1]);
    expect(await conversations.summary(bob, alice)).toMatchObject({
      lastMessage: newer,
      unread: 3,
    });
  });

  it('moves the lines to a message newer than the line it knew, and not past a newer one', async () => {
    const [alice, bob] = [uniqueUserId(), uniqueUserId()];
    const environment = environmentCountingTransactions();
    await environment.store.storeOnce(at(messageBetween(alice, bob), 1));
    const newest = at(messageBetween(bob, alice), 5);
    await conversations.storeOnce(newest);

    await environment.store.storeOnce(at(messageBetween(alice, bob), 3));
    const latest = at(messageBetween(alice, bob), 7);
    await environment.store.storeOnce(latest);

    expect(await conversations.summary(bob, alice)).toMatchObject({
      lastMessage: latest,
      unread: 3,
    });
    expect(await conversations.summary(alice, bob)).toMatchObject({
      lastMessage: latest,
      unread: 1,
    });
  });

  it('refuses messages of more than one conversation', async () => {
    const [alice, bob, carol] = [uniqueUserId(), uniqueUserId(), uniqueUserId()];

    await expect(
      conversations.storeAllOnce([messageBetween(alice, bob), messageBetween(alice, carol)]),
    ).rejects.toThrow('one conversation');
  });
});

describe('DynamoDbConversationStore erasure of a user', () => {
  it("pages through the user's messages, then leaves the peer a placeholder line", async () => {
    const [erased, peer] = [uniqueUserId(), uniqueUserId()];
    const fromPeer = messageBetween(peer, erased);
    await conversations.storeOnce(fromPeer);
    for (let i = 0; i < 3; i++) await conversations.storeOnce(messageBetween(erased, peer));

    const peers = await conversations.conversationPeers(erased, 10);
    const cursors: (string | undefined)[] = [];
    let page: { after?: string } = {};
    do {
      page = await conversations.eraseConversationPage(erased, peer, { limit: 2, ...page });
      cursors.push(page.after);
    } while (page.after !== undefined && cursors.length < 10);

    expect(peers).toEqual([peer]);
    // Four messages, two a page: at least two pages, each cursor further on, the last without one.
    expect(cursors.length).toBeGreaterThanOrEqual(3);
    expect(cursors.slice(0, -1)).toEqual([...cursors.slice(0, -1)].sort());
    expect(cursors.at(-1)).toBeUndefined();
    expect((await conversations.listMessages(peer, erased, { limit: 10 })).items).toEqual([
      fromPeer,
    ]);
    expect(await conversations.summary(peer, erased)).toMatchObject({
      peerDeleted: true,
      unread: 0,
      lastMessage: { from: erased, text: '' },
    });
    expect(await conversations.summary(erased, peer)).toBeUndefined();
    await expect(conversations.conversationPeers(erased, 10)).resolves.toEqual([]);
  });

  it("keeps the peer's own last message whole, and can run again", async () => {
    const [erased, peer] = [uniqueUserId(), uniqueUserId()];
    await conversations.storeOnce(messageBetween(erased, peer));
    const last = messageBetween(peer, erased);
    await conversations.storeOnce(last);

    await conversations.eraseConversationPage(erased, peer, { limit: 10 });
    const rerun = await conversations.eraseConversationPage(erased, peer, { limit: 10 });

    expect(rerun).toEqual({});
    expect(await conversations.summary(peer, erased)).toEqual({
      peerId: erased,
      lastMessage: last,
      updatedAt: last.sentAt,
      unread: 0,
      peerDeleted: true,
    });
  });
});
