import {
  GetCommand,
  QueryCommand,
  TransactWriteCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { batchDelete, failedConditions, isConditionFailure } from '../dynamodb';
import type { PageKey } from '../pagination/cursor';
import { activeAccountCheck } from '../profiles/dynamodb-profile-store';
import type {
  ConversationStore,
  ConversationSummary,
  Page,
  StoreOutcome,
} from './conversation-store';
import { KnownLines } from './known-lines';
import { conversationIdOf, type StoredMessage } from './message';

// Messages: `CONV#<a>#<b>` / `MSG#<messageId>` (ULIDs sort by time).
// Lists: `USER#<sub>` / `CONV#<peerId>`, on GSI1 as `CONVS#<sub>` / `<updatedAt>#<peerId>`.
const conversationKey = (a: string, b: string) => `CONV#${conversationIdOf(a, b)}`;
const messageKey = (message: Pick<StoredMessage, 'from' | 'to' | 'messageId'>) => ({
  PK: conversationKey(message.from, message.to),
  SK: `MSG#${message.messageId}`,
});
// Sent time, then message id: a total order, even within one millisecond.
const lineKeyOf = (message: StoredMessage) => `${message.sentAt}#${message.messageId}`;
/**
 * TransactWriteItems takes 100 items; a chunk adds four (two lines, two
 * account checks), and each message may bring one more put of its own.
 */
const MESSAGES_PER_TRANSACTION = 25;
const entryKey = (userId: string, peerId: string) => ({
  PK: `USER#${userId}`,
  SK: `CONV#${peerId}`,
});

/** The line keys a cancelled transaction's failed line updates returned. */
function lineKeysOf(error: unknown): string[] {
  const reasons = (error as TransactionCanceledException).CancellationReasons ?? [];
  return reasons.flatMap(({ Item: line }) =>
    line?.lastMessageKey?.S ? [line.lastMessageKey.S] : [],
  );
}

const byCodePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function messageOf(record: Record<string, unknown>): StoredMessage {
  const { messageId, from, to, text, sentAt } = record as unknown as StoredMessage;
  return { messageId, from, to, text, sentAt };
}

function summaryOf(record: Record<string, unknown>): ConversationSummary {
  const r = record as unknown as ConversationSummary;
  return {
    peerId: r.peerId,
    lastMessage: r.lastMessage,
    updatedAt: r.updatedAt,
    unread: r.unread ?? 0,
    ...(r.peerDeleted && { peerDeleted: true }),
  };
}

function pageOf<T>(
  records: Record<string, unknown>[],
  limit: number,
  map: (r: Record<string, unknown>) => T,
  keyOf: (r: Record<string, unknown>) => PageKey,
): Page<T> {
  // One extra record tells whether another page exists, so the last page has no cursor.
  const kept = records.slice(0, limit);
  const last = kept.at(-1);
  if (records.length <= limit || last === undefined) return { items: kept.map(map) };
  return { items: kept.map(map), nextKey: keyOf(last) };
}

/** A record written with each newly stored message, in the same transaction. */
export interface PutWithMessage {
  TableName: string;
  Item: Record<string, unknown>;
}

export interface ConversationStoreOptions {
  /**
   * What else to put with each message the store writes, in its transaction:
   * it is written exactly when the message is (the message's conditional put
   * decides both), so it needs no condition of its own.
   */
  putWithEachMessage?: (message: StoredMessage) => PutWithMessage;
}

export class DynamoDbConversationStore implements ConversationStore {
  constructor(
    private readonly documents: DynamoDBDocumentClient,
    private readonly tableName: string,
    private readonly options: ConversationStoreOptions = {},
    private readonly lines = new KnownLines(),
  ) {}

  /**
   * One transaction: the message (once per message id), both users' lines,
   * and both accounts still active. A line moves to a message only if it is
   * newer than the line's last one: messages of a burst are stored in
   * parallel and SQS does not keep their order, so an older message that
   * comes late is stored and counted unread, but does not become the last.
   * That condition fails the whole transaction, and a second one without it
   * stores the older message; a message older than a line this store has
   * seen (the line never moves back) goes to the second one straight away.
   */
  async storeOnce(message: StoredMessage): Promise<StoreOutcome> {
    return this.storeTogether([message]);
  }

  /**
   * The same, a chunk of messages per transaction, oldest first: the lines
   * move once per chunk, to its newest message, and count every message
   * unread for its recipient. A chunk of which one message was stored before
   * (a redelivery) is stored again message by message, so each gets its own
   * outcome.
   */
  async storeAllOnce(messages: readonly StoredMessage[]): Promise<StoreOutcome[]> {
    const conversations = new Set(messages.map(({ from, to }) => conversationIdOf(from, to)));
    if (conversations.size > 1) throw new Error('storeAllOnce takes one conversation at a time');
    // By code point, as DynamoDB compares the line keys (and KnownLines too), not by locale.
    const ordered = [...messages].sort((a, b) => byCodePoint(lineKeyOf(a), lineKeyOf(b)));
    const outcomes = new Map<StoredMessage, StoreOutcome>();
    for (let start = 0; start < ordered.length; start += MESSAGES_PER_TRANSACTION) {
      const chunk = ordered.slice(start, start + MESSAGES_PER_TRANSACTION);
      const together = await this.storeTogether(chunk);
      for (const message of chunk) {
        outcomes.set(
          message,
          together === 'stored-already' && chunk.length > 1
            ? await this.storeOnce(message)
            : together,
        );
      }
    }
    return messages.map((message) => outcomes.get(message) as StoreOutcome);
  }

  private async storeTogether(messages: readonly StoredMessage[]): Promise<StoreOutcome> {
    const newest = messages.at(-1) as StoredMessage;
    const conversation = conversationIdOf(newest.from, newest.to);
    const newestKey = lineKeyOf(newest);
    if (this.lines.isNewerThan(conversation, newestKey)) {
      // Known older: the transaction with a line condition would only fail.
      return (await this.store(messages, 'older')) as StoreOutcome;
    }
    const outcome = await this.store(messages, 'latest');
    if (outcome === 'stored') this.lines.reached(conversation, newestKey);
    if (outcome !== 'older') return outcome;
    // The second transaction has no line condition left that could fail.
    return (await this.store(messages, 'older')) as StoreOutcome;
  }

  /** Messages of one conversation, oldest first. */
  private async store(
    messages: readonly StoredMessage[],
    position: 'latest' | 'older',
  ): Promise<StoreOutcome | 'older'> {
    const { from, to } = messages[0] as StoredMessage;
    const newest = messages.at(-1) as StoredMessage;
    const unreadFor = (userId: string) =>
      messages.filter((message) => message.to === userId).length;
    const lines =
      position === 'latest'
        ? [
            this.lineUpdate(newest, from, to, unreadFor(from)),
            this.lineUpdate(newest, to, from, unreadFor(to)),
          ]
        : [[from, to] as const, [to, from] as const]
            .filter(([userId]) => unreadFor(userId) > 0)
            .map(([userId, peerId]) => this.unreadUpdate(userId, peerId, unreadFor(userId)));
    try {
      await this.documents.send(
        new TransactWriteCommand({
          TransactItems: [
            // Keyed on the message id: a redelivered message stores nothing twice.
            ...messages.map((message) => ({
              Put: {
                TableName: this.tableName,
                Item: { ...messageKey(message), entity: 'message', ...message },
                ConditionExpression: 'attribute_not_exists(PK)',
              },
            })),
            ...lines,
            ...this.putsWith(messages),
            // A message that waited in the queue must not recreate what the eraser removed.
            activeAccountCheck(this.tableName, from),
            activeAccountCheck(this.tableName, to),
          ],
        }),
      );
      return 'stored';
    } catch (error) {
      const failed = failedConditions(error);
      if (!failed) throw error;
      if (failed.slice(0, messages.length).some(Boolean)) return 'stored-already';
      if (failed.slice(-2).some(Boolean)) return 'account-erased';
      const lineFailed = failed.slice(messages.length, messages.length + 2).some(Boolean);
      if (position !== 'latest' || !lineFailed) throw error;
      this.lines.reached(
        conversationIdOf(from, to),
        lineKeysOf(error).reduce((newer, key) => (key > newer ? key : newer), lineKeyOf(newest)),
      );
      return 'older';
    }
  }

  private putsWith(messages: readonly StoredMessage[]) {
    const putWith = this.options.putWithEachMessage;
    return putWith ? messages.map((message) => ({ Put: putWith(message) })) : [];
  }

  /** A user's line for the conversation, moved to this message if it is the newest. */
  private lineUpdate(message: StoredMessage, userId: string, peerId: string, unreadDelta: number) {
    return {
      Update: {
        TableName: this.tableName,
        Key: entryKey(userId, peerId),
        UpdateExpression:
          'SET entity = :entity, peerId = :peer, lastMessage = :message, lastMessageKey = :key, ' +
          'updatedAt = :at, GSI1PK = :list, GSI1SK = :order, ' +
          'unread = if_not_exists(unread, :zero) + :delta',
        ConditionExpression: 'attribute_not_exists(lastMessageKey) OR lastMessageKey < :key',
        // The line's message on a failure tells which later batches are older still.
        ReturnValuesOnConditionCheckFailure: 'ALL_OLD' as const,
        ExpressionAttributeValues: {
          ':entity': 'conversation',
          ':peer': peerId,
          ':message': message,
          ':key': lineKeyOf(message),
          ':at': message.sentAt,
          ':list': `CONVS#${userId}`,
          ':order': `${message.sentAt}#${peerId}`,
          ':zero': 0,
          ':delta': unreadDelta,
        },
      },
    };
  }

  /** More unread on the recipient's line, which already shows a newer message. */
  private unreadUpdate(userId: string, peerId: string, count: number) {
    return {
      Update: {
        TableName: this.tableName,
        Key: entryKey(userId, peerId),
        UpdateExpression: 'SET unread = if_not_exists(unread, :zero) + :count',
        ExpressionAttributeValues: { ':zero': 0, ':count': count },
      },
    };
  }

  async summary(userId: string, peerId: string): Promise<ConversationSummary | undefined> {
    const { Item: record } = await this.documents.send(
      new GetCommand({
        TableName: this.tableName,
        Key: entryKey(userId, peerId),
      }),
    );
    return record ? summaryOf(record) : undefined;
  }

  async listConversations(
    userId: string,
    page: { limit: number; after?: PageKey },
  ): Promise<Page<ConversationSummary>> {
    const { Items: records = [] } = await this.documents.send(
      new QueryCommand({
        TableName: this.tableName,
        IndexName: 'GSI1',
        KeyConditionExpression: 'GSI1PK = :list',
        ExpressionAttributeValues: { ':list': `CONVS#${userId}` },
        ScanIndexForward: false,
        Limit: page.limit + 1,
        ExclusiveStartKey: page.after,
      }),
    );
    return pageOf(records, page.limit, summaryOf, (r) => ({
      PK: String(r.PK),
      SK: String(r.SK),
      GSI1PK: String(r.GSI1PK),
      GSI1SK: String(r.GSI1SK),
    }));
  }

  async listMessages(
    userId: string,
    peerId: string,
    page: { limit: number; after?: PageKey },
  ): Promise<Page<StoredMessage>> {
    const { Items: records = [] } = await this.documents.send(
      new QueryCommand({
        TableName: this.tableName,
        KeyConditionExpression: 'PK = :conversation AND begins_with(SK, :prefix)',
        ExpressionAttributeValues: {
          ':conversation': conversationKey(userId, peerId),
          ':prefix': 'MSG#',
        },
        ScanIndexForward: false,
        Limit: page.limit + 1,
        ExclusiveStartKey: page.after,
      }),
    );
    return pageOf(records, page.limit, messageOf, (r) => ({
      PK: String(r.PK),
      SK: String(r.SK),
    }));
  }

  async markRead(userId: string, peerId: string): Promise<void> {
    try {
      await this.documents.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: entryKey(userId, peerId),
          UpdateExpression: 'SET unread = :zero',
          ConditionExpression: 'attribute_exists(PK) AND unread <> :zero',
          ExpressionAttributeValues: { ':zero': 0 },
        }),
      );
    } catch (error) {
      // Read already, or no such conversation: nothing to mark.
      if (!isConditionFailure(error)) throw error;
    }
  }

  async conversationPeers(userId: string, limit: number): Promise<string[]> {
    const { Items: records = [] } = await this.documents.send(
      new QueryCommand({
        TableName: this.tableName,
        KeyConditionExpression: 'PK = :user AND begins_with(SK, :prefix)',
        ExpressionAttributeValues: {
          ':user': `USER#${userId}`,
          ':prefix': 'CONV#',
        },
        ProjectionExpression: 'SK',
        Limit: limit,
      }),
    );
    return records.map((record) => String(record.SK).slice('CONV#'.length));
  }

  async eraseConversationPage(
    userId: string,
    peerId: string,
    page: { limit: number; after?: string },
  ): Promise<{ after?: string }> {
    const { Items: records = [], LastEvaluatedKey: more } = await this.documents.send(
      new QueryCommand({
        TableName: this.tableName,
        KeyConditionExpression: 'PK = :conversation AND SK > :after',
        ExpressionAttributeValues: {
          ':conversation': conversationKey(userId, peerId),
          ':after': page.after ?? 'MSG#',
        },
        ProjectionExpression: 'PK, SK, #from',
        ExpressionAttributeNames: { '#from': 'from' },
        Limit: page.limit,
      }),
    );
    const own = records.filter((record) => record.from === userId);
    await batchDelete(
      this.documents,
      this.tableName,
      own.map((record) => ({ PK: String(record.PK), SK: String(record.SK) })),
    );
    const last = records.at(-1);
    if (more && last) return { after: String(last.SK) };
    await this.leavePlaceholder(peerId, userId);
    // The user's own line last, so a retry after a partial run finds the conversation again.
    await batchDelete(this.documents, this.tableName, [entryKey(userId, peerId)]);
    return {};
  }

  /** The peer keeps the line, marked; a last message of the erased user keeps no text. */
  private async leavePlaceholder(peerId: string, erasedId: string): Promise<void> {
    const marked = {
      TableName: this.tableName,
      Key: entryKey(peerId, erasedId),
      ExpressionAttributeNames: { '#from': 'from' },
    };
    const values = { ':yes': true, ':zero': 0, ':erased': erasedId };
    try {
      await this.documents.send(
        new UpdateCommand({
          ...marked,
          UpdateExpression: 'SET peerDeleted = :yes, unread = :zero, lastMessage.#text = :none',
          ConditionExpression: 'attribute_exists(PK) AND lastMessage.#from = :erased',
          ExpressionAttributeNames: { '#from': 'from', '#text': 'text' },
          ExpressionAttributeValues: { ...values, ':none': '' },
        }),
      );
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
      try {
        await this.documents.send(
          new UpdateCommand({
            ...marked,
            UpdateExpression: 'SET peerDeleted = :yes, unread = :zero',
            ConditionExpression: 'attribute_exists(PK) AND lastMessage.#from <> :erased',
            ExpressionAttributeValues: values,
          }),
        );
      } catch (second) {
        // No line left: the peer's account was erased too.
        if (!isConditionFailure(second)) throw second;
      }
    }
  }
}
