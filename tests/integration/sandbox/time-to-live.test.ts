import {
  DeleteItemCommand,
  DescribeTableCommand,
  DynamoDBClient,
  PutItemCommand,
  ScanCommand,
  UpdateItemCommand,
} from '@aws-sdk/client-dynamodb';
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import {
  DescribeStreamCommand,
  DynamoDBStreamsClient,
  GetRecordsCommand,
  GetShardIteratorCommand,
} from '@aws-sdk/client-dynamodb-streams';
import { startDynamoDbLocal } from '../../../sandbox/dynamodb/dynamodb-local';
import { ensureTables } from '../../../sandbox/dynamodb/tables';
import { sweepExpiredItems, type ExpiringTable } from '../../../sandbox/dynamodb/time-to-live';
import { TimeToLiveDeletions } from '../../../sandbox/dynamodb/time-to-live-deletions';
import { parseFilterPatterns } from '../../../sandbox/streams/event-filter';
import { shardPageOf } from '../../../sandbox/streams/read-records';
import type { StreamEventSource } from '../../../sandbox/streams/stream-event-sources';
import type { TableSpec } from '../../../sandbox/template/model';
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
    const name = `Expiring${++tableCount}`;
    const spec: TableSpec = {
      logicalId: name,
      tableName: name,
      attributeDefinitions: [
        { AttributeName: 'PK', AttributeType: 'S' },
        { AttributeName: 'SK', AttributeType: 'S' },
      ],
      keySchema: [
        { AttributeName: 'PK', KeyType: 'HASH' },
        { AttributeName: 'SK', KeyType: 'RANGE' },
      ],
      globalSecondaryIndexes: [],
      ttlAttribute: 'expiresAt',
      streamViewType: 'NEW_AND_OLD_IMAGES',
    };
    await ensureTables(client, [spec]);
    table = { ...spec, ttlAttribute: 'expiresAt' };
  });

  const streamScope = (streamArn: string, filters = parseFilterPatterns(undefined)) => ({
    streamArn,
    region: 'us-east-1',
    source: { filters } as unknown as StreamEventSource,
  });
  /** Every record of the table's stream so far (DynamoDB Local gives a new table one shard). */
  const streamRecords = async (tableName: string) => {
    const streams = new DynamoDBStreamsClient(localClientConfig(dynamoDb.endpoint));
    try {
      const { Table } = await client.send(new DescribeTableCommand({ TableName: tableName }));
      const streamArn = String(Table?.LatestStreamArn);
      const { StreamDescription } = await streams.send(
        new DescribeStreamCommand({ StreamArn: streamArn }),
      );
      const { ShardIterator } = await streams.send(
        new GetShardIteratorCommand({
          StreamArn: streamArn,
          ShardId: StreamDescription?.Shards?.[0]?.ShardId,
          ShardIteratorType: 'TRIM_HORIZON',
        }),
      );
      const page = await streams.send(new GetRecordsCommand({ ShardIterator }));
      return { streamArn, page };
    } finally {
      streams.destroy();
    }
  };
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

  it("gives its deletes' REMOVE records TTL's identity, which an event filter can select", async () => {
    const now = Math.floor(Date.now() / 1000);
    await put('expired', { N: String(now - 60) });
    await put('deleted by the app', { N: String(now + 3600) });
    const deletions = new TimeToLiveDeletions();

    await sweepExpiredItems(client, table, { nowSeconds: now, deletions });
    await client.send(
      new DeleteItemCommand({
        TableName: table.tableName,
        Key: { PK: { S: 'p' }, SK: { S: 'deleted by the app' } },
      }),
    );

    const records = await streamRecords(table.tableName);
    const removals = shardPageOf(
      { ...streamScope(records.streamArn), timeToLiveDeletions: deletions },
      records.page,
    ).records.filter((record) => record.eventName === 'REMOVE');
    expect(removals.map((r) => [r.dynamodb?.Keys?.SK?.S, r.userIdentity])).toEqual([
      ['expired', { type: 'Service', principalId: 'dynamodb.amazonaws.com' }],
      ['deleted by the app', undefined],
    ]);
    const onlyExpiries = parseFilterPatterns([
      {
        Pattern: JSON.stringify({
          eventName: ['REMOVE'],
          userIdentity: { type: ['Service'], principalId: ['dynamodb.amazonaws.com'] },
        }),
      },
    ]);
    const filtered = shardPageOf(
      {
        ...streamScope(records.streamArn, onlyExpiries),
        timeToLiveDeletions: deletions,
      },
      records.page,
    ).records;
    expect(filtered.map((r) => r.dynamodb?.Keys?.SK?.S)).toEqual(['expired']);
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
