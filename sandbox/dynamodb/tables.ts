import {
  CreateTableCommand,
  DescribeTableCommand,
  DescribeTimeToLiveCommand,
  ResourceNotFoundException,
  UpdateTableCommand,
  UpdateTimeToLiveCommand,
} from '@aws-sdk/client-dynamodb';
import type { DynamoDBClient, TableDescription } from '@aws-sdk/client-dynamodb';
import type { PhysicalResources, TableSpec } from '../template/model';
import { LOCAL_PSEUDO_PARAMETERS, localArn } from '../template/pseudo-parameters';
import type { PseudoParameters } from '../template/pseudo-parameters';

/**
 * Creates the template's tables that do not exist yet and brings existing ones up to date
 * (new indexes, the stream and its view type, TTL), keeping their data across restarts.
 */
export async function ensureTables(
  client: DynamoDBClient,
  tables: TableSpec[],
  pseudo: PseudoParameters = LOCAL_PSEUDO_PARAMETERS,
): Promise<PhysicalResources> {
  // All tables at once: a start waits on these calls, the first of their kind
  // the JVM answers (its slowest), and DynamoDB Local answers them in parallel.
  const ensured = await Promise.all(tables.map((table) => ensureTable(client, table, pseudo)));
  return Object.fromEntries(ensured);
}

async function ensureTable(
  client: DynamoDBClient,
  table: TableSpec,
  pseudo: PseudoParameters,
): Promise<[logicalId: string, resource: PhysicalResources[string]]> {
  const existing = await describeTable(client, table.tableName);
  const description = existing
    ? await updateTable(client, table, existing)
    : await createTable(client, table);
  await ensureTimeToLive(client, table);
  return [
    table.logicalId,
    {
      ref: table.tableName,
      attributes: {
        Arn: localArn(pseudo, 'dynamodb', `table/${table.tableName}`),
        // A stream turned off keeps its ARN in the description for a day.
        ...(table.streamViewType &&
          description.LatestStreamArn && { StreamArn: description.LatestStreamArn }),
      },
    },
  ];
}

async function describeTable(
  client: DynamoDBClient,
  tableName: string,
): Promise<TableDescription | undefined> {
  try {
    return (await client.send(new DescribeTableCommand({ TableName: tableName }))).Table;
  } catch (error) {
    if (error instanceof ResourceNotFoundException) return undefined;
    throw error;
  }
}

async function createTable(client: DynamoDBClient, table: TableSpec): Promise<TableDescription> {
  const { TableDescription: description } = await client.send(
    new CreateTableCommand({
      TableName: table.tableName,
      BillingMode: 'PAY_PER_REQUEST',
      AttributeDefinitions: table.attributeDefinitions,
      KeySchema: table.keySchema,
      ...(table.globalSecondaryIndexes.length > 0 && {
        GlobalSecondaryIndexes: table.globalSecondaryIndexes,
      }),
      ...(table.localSecondaryIndexes && { LocalSecondaryIndexes: table.localSecondaryIndexes }),
      ...(table.streamViewType && {
        StreamSpecification: { StreamEnabled: true, StreamViewType: table.streamViewType },
      }),
    }),
  );
  if (!description) throw new Error(`CreateTable for ${table.tableName} returned no description`);
  return description;
}

function sameKeys(a: TableSpec['keySchema'], b: TableDescription['KeySchema'] = []): boolean {
  return (
    a.length === b.length &&
    a.every((key, i) => key.AttributeName === b[i]?.AttributeName && key.KeyType === b[i]?.KeyType)
  );
}

async function updateTable(
  client: DynamoDBClient,
  table: TableSpec,
  existing: TableDescription,
): Promise<TableDescription> {
  if (!sameKeys(table.keySchema, existing.KeySchema)) {
    throw new Error(
      `Local table ${table.tableName} has another key schema than ${table.logicalId} in the template; ` +
        'delete the sandbox data directory (or the table) so that it is created again',
    );
  }
  let updated = false;
  const existingIndexes = new Set(
    (existing.GlobalSecondaryIndexes ?? []).map((index) => index.IndexName),
  );
  // DynamoDB accepts one new index per UpdateTable call.
  for (const index of table.globalSecondaryIndexes.filter(
    (i) => !existingIndexes.has(i.IndexName),
  )) {
    await client.send(
      new UpdateTableCommand({
        TableName: table.tableName,
        AttributeDefinitions: table.attributeDefinitions,
        GlobalSecondaryIndexUpdates: [{ Create: index }],
      }),
    );
    updated = true;
  }
  if (await ensureStream(client, table, existing)) updated = true;
  // A table as the template wants it (every warm start) is described once, not twice.
  if (!updated) return existing;
  return (await describeTable(client, table.tableName)) ?? existing;
}

/**
 * The stream as the template wants it: turned on, off, or to another view
 * type, which DynamoDB changes only by turning the stream off and on again
 * (a new stream, with a new ARN). True when it changed anything.
 */
async function ensureStream(
  client: DynamoDBClient,
  table: TableSpec,
  existing: TableDescription,
): Promise<boolean> {
  const current = existing.StreamSpecification?.StreamEnabled
    ? existing.StreamSpecification.StreamViewType
    : undefined;
  if (current === table.streamViewType) return false;
  if (current) {
    await client.send(
      new UpdateTableCommand({
        TableName: table.tableName,
        StreamSpecification: { StreamEnabled: false },
      }),
    );
  }
  if (table.streamViewType) {
    await client.send(
      new UpdateTableCommand({
        TableName: table.tableName,
        StreamSpecification: { StreamEnabled: true, StreamViewType: table.streamViewType },
      }),
    );
  }
  return true;
}

// DynamoDB Local accepts TTL settings but never expires items: the sandbox's
// sweeps do (time-to-live.ts).
async function ensureTimeToLive(client: DynamoDBClient, table: TableSpec): Promise<void> {
  if (!table.ttlAttribute) return;
  const { TimeToLiveDescription: current } = await client.send(
    new DescribeTimeToLiveCommand({ TableName: table.tableName }),
  );
  if (current?.TimeToLiveStatus === 'ENABLED' && current.AttributeName === table.ttlAttribute)
    return;
  await client.send(
    new UpdateTimeToLiveCommand({
      TableName: table.tableName,
      TimeToLiveSpecification: { AttributeName: table.ttlAttribute, Enabled: true },
    }),
  );
}
