import { randomUUID } from 'node:crypto';
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { DynamoDbPushReceipts } from '@mobile-backend/domain/messaging';
import { GroupedPuts } from '../../../layers/domain/src/dynamodb-grouped-puts';
import { localDynamoDb, tableName } from './stores';

const { client, documents } = localDynamoDb();
const now = new Date('2026-12-01T10:00:00.000Z');
const receipts = new DynamoDbPushReceipts(
  documents,
  tableName('APP_TABLE_NAME'),
  new GroupedPuts(documents),
  () => now,
);

afterAll(() => client.destroy());

describe('DynamoDbPushReceipts', () => {
  it('knows no device for a message not pushed yet', async () => {
    await expect(receipts.reached(randomUUID())).resolves.toEqual(new Set());
  });

  it('lists every device recorded for a message, each once', async () => {
    const messageId = randomUUID();

    await Promise.all(['phone', 'tablet', 'phone'].map((id) => receipts.record(messageId, id)));

    await expect(receipts.reached(messageId)).resolves.toEqual(new Set(['phone', 'tablet']));
  });

  it('expires with the table TTL five days after the push', async () => {
    const messageId = randomUUID();

    await receipts.record(messageId, 'phone');

    const { Item: item } = await documents.send(
      new GetCommand({
        TableName: tableName('APP_TABLE_NAME'),
        Key: { PK: `PUSHES#${messageId}`, SK: 'DEVICE#phone' },
      }),
    );
    expect(item?.expiresAt).toBe(now.getTime() / 1000 + 5 * 86_400);
  });

  it('still reads the devices of a receipt kept as one set per message', async () => {
    const messageId = randomUUID();
    await documents.send(
      new PutCommand({
        TableName: tableName('APP_TABLE_NAME'),
        Item: { PK: `PUSHES#${messageId}`, SK: 'PUSHES', deviceIds: new Set(['phone']) },
      }),
    );

    await receipts.record(messageId, 'tablet');

    await expect(receipts.reached(messageId)).resolves.toEqual(new Set(['phone', 'tablet']));
  });
});
