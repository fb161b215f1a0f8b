// The items the sandbox's Time to Live sweeps deleted, so that the stream
// mappings can give those REMOVE records the `userIdentity` TTL's own carry
// (the DynamoDB service as principal): handlers and event filters use it to
// tell an expiry from a user's delete.
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { jsonImage } from '../streams/stream-records';

/** TTL's REMOVE records name the service that deleted the item. */
export const TIME_TO_LIVE_IDENTITY = {
  type: 'Service',
  principalId: 'dynamodb.amazonaws.com',
} as const;

// A stream record's ApproximateCreationDateTime is within this of its delete.
const MATCH_WINDOW_MS = 60_000;
// As long as a stream keeps its records.
const KEPT_FOR_MS = 24 * 60 * 60 * 1000;
const MAX_KEPT = 100_000;

/** Keys as a Lambda stream record spells them. */
type JsonKeys = Readonly<Record<string, unknown>>;

function keyOf(tableName: string, keys: JsonKeys): string {
  const sorted = Object.keys(keys)
    .sort()
    .map((name) => [name, keys[name]]);
  return JSON.stringify([tableName, sorted]);
}

const jsonKeysOf = (keys: Record<string, AttributeValue>): JsonKeys =>
  jsonImage(keys as unknown as Record<string, Record<string, unknown>>);

export class TimeToLiveDeletions {
  private readonly deletedAt = new Map<string, number>();

  constructor(private readonly now: () => number = Date.now) {}

  /** Before the delete is sent, so that no stream read can come before it. */
  record(tableName: string, keys: Record<string, AttributeValue>): void {
    const at = this.now();
    this.dropOld(at);
    const key = keyOf(tableName, jsonKeysOf(keys));
    this.deletedAt.delete(key);
    this.deletedAt.set(key, at);
  }

  /** A delete that did not happen (the item changed meanwhile). */
  forget(tableName: string, keys: Record<string, AttributeValue>): void {
    this.deletedAt.delete(keyOf(tableName, jsonKeysOf(keys)));
  }

  /** Whether a REMOVE of these keys, written at that epoch second, was one of the sweeps' deletes. */
  deleted(tableName: string, keys: JsonKeys, createdSeconds: number | undefined): boolean {
    const at = this.deletedAt.get(keyOf(tableName, keys));
    if (at === undefined || createdSeconds === undefined) return false;
    return Math.abs(createdSeconds * 1000 - at) <= MATCH_WINDOW_MS;
  }

  private dropOld(now: number): void {
    for (const [key, at] of this.deletedAt) {
      if (at > now - KEPT_FOR_MS && this.deletedAt.size < MAX_KEPT) return;
      this.deletedAt.delete(key);
    }
  }
}

/** The table a DynamoDB stream ARN belongs to (`…:table/<name>/stream/<label>`). */
export function tableOfStream(streamArn: string): string | undefined {
  return /:table\/([^/]+)\/stream\//.exec(streamArn)?.[1];
}
