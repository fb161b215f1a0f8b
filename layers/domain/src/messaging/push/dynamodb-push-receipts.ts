import { GetCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { PushReceipts } from './push-receipts';

/** Kept past every retry of a message (SQS keeps it 4 days at most), then removed by TTL. */
const RECEIPT_DAYS = 5;

const receiptKey = (messageId: string) => ({ PK: `PUSHES#${messageId}`, SK: 'PUSHES' });

/** One item per message in AppTable, the device ids its push reached in a string set. */
export class DynamoDbPushReceipts implements PushReceipts {
  constructor(
    private readonly documents: DynamoDBDocumentClient,
    private readonly tableName: string,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async reached(messageId: string): Promise<ReadonlySet<string>> {
    const { Item: receipt } = await this.documents.send(
      new GetCommand({
        TableName: this.tableName,
        Key: receiptKey(messageId),
        ConsistentRead: true,
      }),
    );
    return new Set((receipt?.deviceIds as Set<string> | undefined) ?? []);
  }

  async record(messageId: string, deviceId: string): Promise<void> {
    await this.documents.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: receiptKey(messageId),
        UpdateExpression: 'ADD deviceIds :device SET expiresAt = :expiresAt, entity = :entity',
        ExpressionAttributeValues: {
          ':device': new Set([deviceId]),
          ':expiresAt': Math.floor(this.now().getTime() / 1000) + RECEIPT_DAYS * 86_400,
          ':entity': 'push-receipt',
        },
      }),
    );
  }
}
