import {
  IdempotencyAlreadyInProgressError,
  IdempotencyConfig,
  makeIdempotent,
} from '@aws-lambda-powertools/idempotency';
import type { Context } from 'aws-lambda';
import { GroupedPuts } from '../../../layers/domain/src/dynamodb-grouped-puts';
import { DeliveryRecords } from '../../../layers/domain/src/messaging/dynamodb-delivery-records';
import { DynamoDbConversationStore } from '../../../layers/domain/src/messaging/dynamodb-conversation-store';
import type { StoredMessage } from '../../../layers/domain/src/messaging/message';
import { localDynamoDb, tableName, uniqueUserId } from './stores';

const { client, documents } = localDynamoDb();
const invocation = { getRemainingTimeInMillis: () => 30_000 } as Context;

afterAll(() => client.destroy());

/**
 * One execution environment's worker: its records, its store, its idempotent
 * delivery; each delivery waits for `held` (resolved at once unless given).
 */
function environment(held: Promise<void> = Promise.resolve()) {
  const config = new IdempotencyConfig({ eventKeyJmesPath: 'messageId' });
  config.registerLambdaContext(invocation);
  const records = new DeliveryRecords({
    tableName: tableName('IDEMPOTENCY_TABLE_NAME'),
    client,
    config,
    keyPrefix: 'delivery-records-test',
    puts: new GroupedPuts(documents),
  });
  records.startBatch(invocation);
  const store = new DynamoDbConversationStore(documents, tableName('APP_TABLE_NAME'), {
    putWithEachMessage: (message) => records.inProgressPut(message),
  });
  const deliveries: string[] = [];
  const deliverOnce = makeIdempotent(
    async (message: StoredMessage) => {
      await held;
      deliveries.push(message.messageId);
      return { delivered: message.messageId };
    },
    { persistenceStore: records, keyPrefix: 'delivery-records-test', config },
  );
  return { records, store, deliverOnce, deliveries };
}

let sequence = 0;
function aMessage(): StoredMessage {
  sequence += 1;
  return {
    messageId: `01JE${String(sequence).padStart(4, '0')}${Date.now()}`.padEnd(26, '0'),
    from: uniqueUserId(),
    to: uniqueUserId(),
    text: 'hello',
    sentAt: new Date().toISOString(),
  };
}

describe('DeliveryRecords', () => {
  it('delivers a message the store wrote with its record, and a duplicate meanwhile waits', async () => {
    const first = environment();
    const duplicate = environment();
    const message = aMessage();
    const [outcome] = await first.store.storeAllOnce([message]);
    first.records.storedWithMessage(message);

    const again = await duplicate.store.storeAllOnce([message]);
    const duplicateDelivery = duplicate.deliverOnce(message);

    expect([outcome, ...again]).toEqual(['stored', 'stored-already']);
    await expect(duplicateDelivery).rejects.toBeInstanceOf(IdempotencyAlreadyInProgressError);
    await expect(first.deliverOnce(message)).resolves.toEqual({ delivered: message.messageId });
    expect(first.deliveries).toEqual([message.messageId]);
    expect(duplicate.deliveries).toEqual([]);
  });

  it('answers a redelivery of a completed message from its record, without delivering again', async () => {
    const first = environment();
    const later = environment();
    const message = aMessage();
    await first.store.storeAllOnce([message]);
    first.records.storedWithMessage(message);
    await first.deliverOnce(message);

    const result = await later.deliverOnce(message);

    expect(result).toEqual({ delivered: message.messageId });
    expect(later.deliveries).toEqual([]);
  });

  it('takes the record the store wrote once: the same message twice in a batch is delivered once', async () => {
    // The first delivery is held until the second has its answer: were the first to finish
    // before, the second would be answered from the completed record instead.
    let release = () => {};
    const worker = environment(new Promise<void>((resolve) => (release = resolve)));
    const message = aMessage();
    await worker.store.storeAllOnce([message]);
    worker.records.storedWithMessage(message);
    worker.records.storedWithMessage(message);

    const first = worker.deliverOnce(message);
    const second = await Promise.allSettled([worker.deliverOnce(message)]);
    release();
    const results = [...(await Promise.allSettled([first])), ...second];

    expect(results.map((result) => result.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect(worker.deliveries).toEqual([message.messageId]);
  });

  it('lets a message whose record no store wrote be delivered through Powertools alone', async () => {
    const worker = environment();
    const message = aMessage();

    await worker.deliverOnce(message);
    await worker.deliverOnce(message);

    expect(worker.deliveries).toEqual([message.messageId]);
  });
});
