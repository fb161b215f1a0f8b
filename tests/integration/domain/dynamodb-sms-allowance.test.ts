import { randomUUID } from 'node:crypto';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { DynamoDbSmsAllowance } from '@mobile-backend/domain/messaging';
import { localDynamoDb, tableName, uniqueUserId } from './stores';

const { client, documents } = localDynamoDb();
const table = tableName('APP_TABLE_NAME');
let now = new Date('2026-12-01T10:15:00.000Z');
const allowance = new DynamoDbSmsAllowance(documents, table, 2, () => now);

afterAll(() => client.destroy());
beforeEach(() => {
  now = new Date('2026-12-01T10:15:00.000Z');
});

const outcomes = async (userId: string, messageIds: string[]) => {
  const claims = [];
  for (const messageId of messageIds) claims.push(await allowance.claim(userId, messageId));
  return claims.map((claim) => claim.outcome);
};

describe('DynamoDbSmsAllowance', () => {
  it('grants a user as many SMS as the hourly limit, then caps', async () => {
    const userId = uniqueUserId();

    const claims = await outcomes(userId, [randomUUID(), randomUUID(), randomUUID()]);

    expect(claims).toEqual(['granted', 'granted', 'capped']);
  });

  it('grants one SMS per message, however often it is claimed', async () => {
    const userId = uniqueUserId();
    const messageId = randomUUID();

    const claims = await outcomes(userId, [messageId, messageId]);

    expect(claims).toEqual(['granted', 'sent-already']);
  });

  it('grants again in the next clock hour', async () => {
    const userId = uniqueUserId();
    await outcomes(userId, [randomUUID(), randomUUID()]);

    now = new Date('2026-12-01T11:00:00.000Z');
    const claims = await outcomes(userId, [randomUUID()]);

    expect(claims).toEqual(['granted']);
  });

  it('takes back a released claim: the message may be sent again and the hour has room', async () => {
    const userId = uniqueUserId();
    const messageId = randomUUID();
    const first = await allowance.claim(userId, messageId);
    await allowance.claim(userId, randomUUID());

    if (first.outcome === 'granted') await first.release();
    const claims = await outcomes(userId, [messageId]);

    expect(first.outcome).toBe('granted');
    expect(claims).toEqual(['granted']);
  });

  it('lets the table TTL remove the counter after its hour and the receipt after five days', async () => {
    const userId = uniqueUserId();
    const messageId = randomUUID();

    await allowance.claim(userId, messageId);
    const item = async (PK: string, SK: string) =>
      (await documents.send(new GetCommand({ TableName: table, Key: { PK, SK } }))).Item;

    expect((await item(`SMSCOUNT#${userId}`, 'HOUR#2026-12-01T10'))?.expiresAt).toBe(
      Date.parse('2026-12-01T12:00:00.000Z') / 1000,
    );
    expect((await item(`SMS#${messageId}`, 'SMS'))?.expiresAt).toBe(
      Date.parse('2026-12-06T10:15:00.000Z') / 1000,
    );
  });
});
