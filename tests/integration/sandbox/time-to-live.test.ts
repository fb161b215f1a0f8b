import {
  DeleteItemCommand,
  DynamoDBClient,
  PutItemCommand,
  ScanCommand,
  UpdateItemCommand,
} from '@aws-sdk/client-dynamodb';
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { startDynamoDbLocal } from '../../../sandbox/dynamodb/dynamodb-local';
import { ensureTables } from '../../../sandbox/dynamodb/tables';
import { sweepExpiredItems, type ExpiringTable } from '../../../sandbox/dynamodb/time-to-live';
import { freePort } from '../../../sandbox/ports';
import type { RunningService } from '../../../sandbox/processes';
import { localClientConfig } from '../../../sandbox/services/sdk-config';

const NOW = 1_800_000_000;
const YEAR = 365 * 24 * 60 * 60;

describe('Time to Live sweeps against DynamoDB Local', () => {
  let dynamoDb: RunningService;
  let client: DynamoDBClient;
  let table: ExpiringTable;
  let tableCount = 0;

  beforeAll(async () => {
    dynamoDb = await startDynamoDbLocal({ port: await freePort() });
    client = new DynamoDBClient(localClientConfig(dynamoDb.endpoint));
  }, 60_000);

  afterAll(async () => {
    client?.destroy();
    await dynamoDb?.stop();
  });

  beforeEach(async () => {
    table = {
      tableName: `Expiring${++tableCount}`,
      ttlAttribute: 'expiresAt',
      keyAttributes: ['PK', 'SK'],
    };
    await ensureTables(client, [
      {
        logicalId: table.tableName,
        tableName: table.tableName,
        attributeDefinitions: [
          { AttributeName: 'PK', AttributeType: 'S' },
          { AttributeName: 'SK', AttributeType: 'S' },
        ],
        keySchema: [
          { AttributeName: 'PK', KeyType: 'HASH' },
          { AttributeName: 'SK', KeyType: 'RANGE' },
        ],
        globalSecondaryIndexes: [],
        ttlAttribute: table.ttlAttribute,
      },
    ]);
  });

  const put = (sk: string, expiresAt?: AttributeValue) =>
    client.send(
      new PutItemCommand({
        TableName: table.tableName,
        Item: { PK: { S: 'p' }, SK: { S: sk }, ...(expiresAt && { expiresAt }) },
      }),
    );
  const remaining = async () =>
    ((await client.send(new ScanCommand({ TableName: table.tableName }))).Items ?? [])
      .map((item) => item.SK?.S)
      .sort();

  it('deletes the items whose TTL number has passed, by DynamoDB rules', async () => {
    await put('expired', { N: String(NOW - 60) });
    await put('expires later', { N: String(NOW + 3600) });
    await put('not a number', { S: String(NOW - 60) });
    await put('more than five years past', { N: String(NOW - 6 * YEAR) });
    await put('without the attribute');

    const deleted = await sweepExpiredItems(client, table, { nowSeconds: NOW });

    expect(deleted).toBe(1);
    expect(await remaining()).toEqual([
      'expires later',
      'more than five years past',
      'not a number',
      'without the attribute',
    ]);
  });

  it('reads the table page by page, and deletes no more than it may in one sweep', async () => {
    for (let i = 0; i < 25; i++)
      await put(`expired ${String(i).padStart(2, '0')}`, { N: String(NOW - 1) });

    const first = await sweepExpiredItems(client, table, {
      nowSeconds: NOW,
      pageSize: 10,
      maxDeletes: 15,
    });
    const second = await sweepExpiredItems(client, table, {
      nowSeconds: NOW,
      pageSize: 10,
      pauseMs: 0,
    });

    expect([first, second]).toEqual([15, 10]);
    expect(await remaining()).toEqual([]);
  });

  it('leaves an item that was written again, no longer expired, after the sweep read it', async () => {
    await put('renewed', { N: String(NOW - 60) });
    await put('gone meanwhile', { N: String(NOW - 60) });
    // Between the sweep's Scan and its delete, the app renews one item and deletes the other.
    const racing = {
      send: async (command: unknown) => {
        if (command instanceof DeleteItemCommand) {
          await client.send(
            new UpdateItemCommand({
              TableName: table.tableName,
              Key: { PK: { S: 'p' }, SK: { S: 'renewed' } },
              UpdateExpression: 'SET expiresAt = :later',
              ExpressionAttributeValues: { ':later': { N: String(NOW + 3600) } },
            }),
          );
          await client.send(
            new DeleteItemCommand({
              TableName: table.tableName,
              Key: { PK: { S: 'p' }, SK: { S: 'gone meanwhile' } },
            }),
          );
        }
        return client.send(command as ScanCommand);
      },
    } as unknown as DynamoDBClient;

    const deleted = await sweepExpiredItems(racing, table, { nowSeconds: NOW });

    expect(deleted).toBe(0);
    expect(await remaining()).toEqual(['renewed']);
  });
});
