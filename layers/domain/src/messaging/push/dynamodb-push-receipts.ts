import { QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { GroupedPuts } from '../../dynamodb-grouped-puts';
import type { PushReceipts } from './push-receipts';

/** Kept past every retry of a message (SQS keeps it 4 days at most), then removed by TTL. */
const RECEIPT_DAYS = 5;

const receiptsOf = (messageId: string) => `PUSHES#${messageId}`;

/**
 * One item per message and device in AppTable (`PUSHES#<messageId>` /
 * `DEVICE#<deviceId>`): a put each, so the receipts of a batch's pushes are
 * written together. Receipts written as one item per message with the device
 * ids in a set (`PUSHES`) are still read.
 */
export class DynamoDbPushReceipts implements PushReceipts {
  constructor(
    private readonly documents: DynamoDBDocumentClient,
    private readonly tableName: string,
    private readonly puts: GroupedPuts,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async reached(messageId: string): Promise<ReadonlySet<string>> {
    const { Items: receipts = [] } = await this.documents.send(
      new QueryCommand({
        TableName: this.tableName,
        KeyConditionExpression: 'PK = :receipts',
        ExpressionAttributeValues: { ':receipts': receiptsOf(messageId) },
        ConsistentRead: true,
      }),
    );
    return new Set(
      receipts.flatMap((receipt) => [
        ...((receipt.deviceIds as Set<string> | undefined) ?? []),
        ...(typeof receipt.deviceId === 'string' ? [receipt.deviceId] : []),
      ]),
    );
  }

  async record(messageId: string, deviceId: string): Promise<void> {
    await this.puts.put(this.tableName, {
      PK: receiptsOf(messageId),
      SK: `DEVICE#${deviceId}`,
      entity: 'push-receipt',
      deviceId,
      expiresAt: Math.floor(this.now().getTime() / 1000) + RECEIPT_DAYS * 86_400,
    });
  }
}
