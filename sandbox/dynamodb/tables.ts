import {
  CreateTableCommand,
  DescribeTableCommand,
  DescribeTimeToLiveCommand,
  ResourceNotFoundException,
  UpdateTableCommand,
  UpdateTimeToLiveCommand,
} from '@aws-sdk/client-dynamodb';
import type { DynamoDBClient, TableDescription } from '@aws-sdk/client-dynamodb';
import { setTimeout as sleep } from 'node:timers/promises';
import type { PhysicalResources, TableSpec } from '../template/model';
import { LOCAL_PSEUDO_PARAMETERS, localArn } from '../template/pseudo-parameters';
import type { PseudoParameters } from '../template/pseudo-parameters';

/**
 * Creates the template's tables that do not exist yet and brings existing ones up to date
 * (its indexes, the stream and its view type, TTL), keeping their data across restarts.
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
  const indexesChanged = await ensureIndexes(client, table, existing);
  const streamChanged = await ensureStream(client, table, existing);
  // A table as the template wants it (every warm start) is described once, not twice.
  if (!indexesChanged && !streamChanged) return existing;
  return (await describeTable(client, table.tableName)) ?? existing;
}

type IndexSpec = TableSpec['globalSecondaryIndexes'][number];
type IndexDescription = NonNullable<TableDescription['GlobalSecondaryIndexes']>[number];

const sameProjection = (a: IndexSpec['Projection'], b: IndexDescription['Projection'] = {}) =>
  a.ProjectionType === b.ProjectionType &&
  [...(a.NonKeyAttributes ?? [])].sort().join('\0') ===
    [...(b.NonKeyAttributes ?? [])].sort().join('\0');

/** An index that keeps its name but not its keys or projection, which neither DynamoDB nor CloudFormation changes. */
function refuseChangedInPlace(
  table: TableSpec,
  current: Map<string | undefined, IndexDescription>,
) {
  const changed = table.globalSecondaryIndexes.find((index) => {
    const found = current.get(index.IndexName);
    return (
      found !== undefined &&
      !(
        sameKeys(index.KeySchema, found.KeySchema) &&
        sameProjection(index.Projection, found.Projection)
      )
    );
  });
  if (changed) {
    throw new Error(
      `Index ${changed.IndexName} of ${table.logicalId} has other keys or another projection than the local table's, ` +
        'which DynamoDB cannot change in place; give the changed index a new name in the template',
    );
  }
}

/**
 * The global secondary indexes as the template names them: new ones created,
 * those it no longer names deleted (an index is derived data). One that keeps
 * its name but changes its keys or projection is refused, as CloudFormation
 * refuses it. True when it changed anything.
 */
async function ensureIndexes(
  client: DynamoDBClient,
  table: TableSpec,
  existing: TableDescription,
): Promise<boolean> {
  const current = new Map(
    (existing.GlobalSecondaryIndexes ?? [])
      // One a stopped start was deleting is gone already.
      .filter((index) => index.IndexStatus !== 'DELETING')
      .map((index) => [index.IndexName, index]),
  );
  refuseChangedInPlace(table, current);
  const wanted = new Set(table.globalSecondaryIndexes.map((index) => index.IndexName));
  // DynamoDB accepts one index change per UpdateTable call.
  const updates = [
    ...[...current.keys()]
      .filter((name) => name !== undefined && !wanted.has(name))
      .map((IndexName) => ({ Delete: { IndexName } })),
    ...table.globalSecondaryIndexes
      .filter((index) => !current.has(index.IndexName))
      .map((index) => ({ Create: index })),
  ];
  for (const update of updates) {
    await client.send(
      new UpdateTableCommand({
        TableName: table.tableName,
        AttributeDefinitions: table.attributeDefinitions,
        GlobalSecondaryIndexUpdates: [update],
      }),
    );
    await indexesSettled(client, table.tableName);
  }
  return updates.length > 0;
}

const SETTLE_POLL_MS = 100;
const SETTLE_TIMEOUT_MS = 60_000;

/**
 * Until the table and every index are ACTIVE: an index is created or deleted
 * in the background, the next index change is refused meanwhile, and the
 * functions must find a new index ready once the start is.
 */
async function indexesSettled(client: DynamoDBClient, tableName: string): Promise<void> {
  const deadline = Date.now() + SETTLE_TIMEOUT_MS;
  for (;;) {
    const table = await describeTable(client, tableName);
    const busy = (table?.GlobalSecondaryIndexes ?? []).some(
      (index) => index.IndexStatus !== 'ACTIVE',
    );
    if (table?.TableStatus === 'ACTIVE' && !busy) return;
    if (Date.now() > deadline) {
      throw new Error(`The indexes of local table ${tableName} did not become ACTIVE in 60 s`);
    }
    await sleep(SETTLE_POLL_MS);
  }
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
