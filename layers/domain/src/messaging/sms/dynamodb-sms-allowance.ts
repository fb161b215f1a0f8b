import { TransactWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { failedConditions } from '../../dynamodb';
import type { SmsAllowance, SmsClaim } from './sms-allowance';

const HOUR_SECONDS = 3600;
/** A receipt outlives every retry of its message (SQS keeps it 4 days at most). */
const RECEIPT_SECONDS = 5 * 86_400;

// Neither item is under USER#<sub>: both hold only ids and a count, and the
// table's TTL removes them, so account erasure has nothing to do for them.
const receiptKey = (messageId: string) => ({ PK: `SMS#${messageId}`, SK: 'SMS' });
const counterKey = (userId: string, hour: string) => ({
  PK: `SMSCOUNT#${userId}`,
  SK: `HOUR#${hour}`,
});

/**
 * In AppTable: one receipt per message sent by SMS, and one counter per user
 * and clock hour (`2026-12-01T10`), taken together in one transaction so that
 * neither a retried message nor a user's busy hour can send past them.
 */
export class DynamoDbSmsAllowance implements SmsAllowance {
  constructor(
    private readonly documents: DynamoDBDocumentClient,
    private readonly tableName: string,
    private readonly perHour: number,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async claim(userId: string, messageId: string): Promise<SmsClaim> {
    const at = this.now();
    const hour = at.toISOString().slice(0, 13);
    const seconds = Math.floor(at.getTime() / 1000);
    try {
      await this.documents.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Put: {
                TableName: this.tableName,
                Item: {
                  ...receiptKey(messageId),
                  entity: 'sms-receipt',
                  expiresAt: seconds + RECEIPT_SECONDS,
                },
                ConditionExpression: 'attribute_not_exists(PK)',
              },
            },
            {
              Update: {
                TableName: this.tableName,
                Key: counterKey(userId, hour),
                UpdateExpression: 'ADD #count :one SET expiresAt = :expiresAt, entity = :entity',
                ConditionExpression: 'attribute_not_exists(#count) OR #count < :perHour',
                ExpressionAttributeNames: { '#count': 'count' },
                ExpressionAttributeValues: {
                  ':one': 1,
                  ':perHour': this.perHour,
                  // Past the end of its hour, when nothing reads it any more.
                  ':expiresAt': seconds - (seconds % HOUR_SECONDS) + 2 * HOUR_SECONDS,
                  ':entity': 'sms-counter',
                },
              },
            },
          ],
        }),
      );
    } catch (error) {
      const failed = failedConditions(error);
      if (failed?.[0]) return { outcome: 'sent-already' };
      if (failed?.[1]) return { outcome: 'capped' };
      throw error;
    }
    return { outcome: 'granted', release: () => this.release(userId, messageId, hour) };
  }

  private async release(userId: string, messageId: string, hour: string): Promise<void> {
    await this.documents.send(
      new TransactWriteCommand({
        TransactItems: [
          { Delete: { TableName: this.tableName, Key: receiptKey(messageId) } },
          {
            Update: {
              TableName: this.tableName,
              Key: counterKey(userId, hour),
              UpdateExpression: 'ADD #count :minusOne',
              ConditionExpression: '#count > :zero',
              ExpressionAttributeNames: { '#count': 'count' },
              ExpressionAttributeValues: { ':minusOne': -1, ':zero': 0 },
            },
          },
        ],
      }),
    );
  }
}
