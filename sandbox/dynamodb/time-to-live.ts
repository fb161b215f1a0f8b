// DynamoDB deletes an item some time after the epoch second in its table's
// TTL attribute has passed (typically within two days); DynamoDB Local accepts
// the setting and never does. These sweeps do it for the sandbox, by DynamoDB's
// rules: only a Number counts, an expiry more than five years past is ignored,
// and an item changed since the scan (no longer expired) is left alone. The
// deletes reach the table's stream as REMOVE records, as TTL's do, and the
// stream mappings mark them as TTL's (time-to-live-deletions.ts).
import {
  ConditionalCheckFailedException,
  DeleteItemCommand,
  ScanCommand,
} from '@aws-sdk/client-dynamodb';
import type { AttributeValue, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { setTimeout as sleep } from 'node:timers/promises';
import type { TableSpec } from '../template/model';
import type { TimeToLiveDeletions } from './time-to-live-deletions';

/** A template table whose items expire. */
export type ExpiringTable = Pick<TableSpec, 'tableName' | 'keySchema'> & { ttlAttribute: string };

const keyAttributesOf = (table: ExpiringTable) => table.keySchema.map((key) => key.AttributeName);

export interface SweepOptions {
  /** Epoch seconds; for tests. */
  nowSeconds?: number;
  /** Items read per Scan page: small pages keep other requests from queueing behind a sweep. */
  pageSize?: number;
  /** A pause between pages, so that a large table is read as a trickle. */
  pauseMs?: number;
  /** Deletes per sweep at most; the rest wait for the next one. */
  maxDeletes?: number;
  /** Told of each delete, for the stream mappings. */
  deletions?: Pick<TimeToLiveDeletions, 'record' | 'forget'>;
  /** True once the sandbox stops: the sweep ends after the request under way. */
  stopping?: () => boolean;
}

const FIVE_YEARS_SECONDS = 5 * 365 * 24 * 60 * 60;
const DEFAULT_PAGE_SIZE = 100;
const DEFAULT_PAUSE_MS = 20;
const DEFAULT_MAX_DELETES = 1000;

/** Deletes the table's expired items; returns how many it deleted. */
export async function sweepExpiredItems(
  client: DynamoDBClient,
  table: ExpiringTable,
  options: SweepOptions = {},
): Promise<number> {
  const now = options.nowSeconds ?? Math.floor(Date.now() / 1000);
  const maxDeletes = options.maxDeletes ?? DEFAULT_MAX_DELETES;
  const names: Record<string, string> = { '#ttl': table.ttlAttribute };
  keyAttributesOf(table).forEach((name, i) => (names[`#k${i}`] = name));
  let deleted = 0;
  let startKey: Record<string, AttributeValue> | undefined;
  do {
    const page = await client.send(
      new ScanCommand({
        TableName: table.tableName,
        Limit: options.pageSize ?? DEFAULT_PAGE_SIZE,
        ExclusiveStartKey: startKey,
        // Comparisons with a Number match only Number attributes, as TTL reads only those.
        FilterExpression: '#ttl < :now AND #ttl > :oldest',
        ProjectionExpression: Object.keys(names).join(', '),
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: {
          ':now': { N: String(now) },
          ':oldest': { N: String(now - FIVE_YEARS_SECONDS) },
        },
      }),
    );
    for (const item of page.Items ?? []) {
      if (deleted >= maxDeletes || options.stopping?.()) return deleted;
      if (await deleteIfStillExpired(client, table, item, now, options.deletions)) deleted++;
    }
    startKey = page.LastEvaluatedKey;
    if (startKey) await sleep(options.pauseMs ?? DEFAULT_PAUSE_MS);
  } while (startKey && !options.stopping?.());
  return deleted;
}

async function deleteIfStillExpired(
  client: DynamoDBClient,
  table: ExpiringTable,
  item: Record<string, AttributeValue>,
  now: number,
  deletions: SweepOptions['deletions'],
): Promise<boolean> {
  const key = Object.fromEntries(
    keyAttributesOf(table).map((name) => [name, item[name] as AttributeValue]),
  );
  deletions?.record(table.tableName, key);
  try {
    await client.send(
      new DeleteItemCommand({
        TableName: table.tableName,
        Key: key,
        ConditionExpression: '#ttl < :now',
        ExpressionAttributeNames: { '#ttl': table.ttlAttribute },
        ExpressionAttributeValues: { ':now': { N: String(now) } },
      }),
    );
    return true;
  } catch (error) {
    deletions?.forget(table.tableName, key);
    // Written again (or deleted) since the scan read it: no longer ours to expire.
    if (error instanceof ConditionalCheckFailedException) return false;
    throw error;
  }
}

export interface TimeToLiveSweepsOptions {
  client: DynamoDBClient;
  /** The template's tables; those without a TTL attribute are left alone. */
  tables: readonly Pick<TableSpec, 'tableName' | 'keySchema' | 'ttlAttribute'>[];
  /** The first sweep, after the start (so that it does not slow the start down). */
  firstDelayMs: number;
  /** Between the end of one sweep and the start of the next. */
  intervalMs: number;
  log: (line: string) => void;
  sweep?: SweepOptions;
}

export interface TimeToLiveSweeps {
  /** No sweep starts after this; one under way ends after its request in flight. */
  stop(): Promise<void>;
}

/**
 * Sweeps every table now and then, one after another, until stopped. A sweep
 * that fails is logged, and the next one tries again.
 */
export function startTimeToLiveSweeps(options: TimeToLiveSweepsOptions): TimeToLiveSweeps {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  const tables = options.tables.flatMap(({ ttlAttribute, ...table }) =>
    ttlAttribute ? [{ ...table, ttlAttribute }] : [],
  );
  const sweepAll = async () => {
    for (const table of tables) {
      if (stopped) return;
      try {
        const deleted = await sweepExpiredItems(options.client, table, {
          ...options.sweep,
          stopping: () => stopped,
        });
        if (deleted > 0) {
          options.log(
            `[dynamodb] Time to Live deleted ${deleted} expired item${deleted === 1 ? '' : 's'} of ${table.tableName}`,
          );
        }
      } catch (error) {
        options.log(
          `[dynamodb] Time to Live sweep of ${table.tableName} failed, tried again later: ${(error as Error).message}`,
        );
      }
    }
  };
  const schedule = (delayMs: number) => {
    if (stopped) return;
    timer = setTimeout(() => {
      running = sweepAll().then(() => schedule(options.intervalMs));
    }, delayMs);
    // Sweeps never keep the process alive by themselves.
    timer.unref();
  };
  if (tables.length > 0) schedule(options.firstDelayMs);
  return {
    stop: async () => {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
