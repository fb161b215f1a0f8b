// One shard of one event source mapping, with Lambda's semantics: records in
// order, one batch in flight, BatchSize and the batching window, whole-batch
// retries that block the shard until they succeed or the retry budget is
// spent, bisection on function errors, partial batch responses that move the
// checkpoint to the lowest failed record, and the OnFailure record when a
// batch is given up.
// This file is the poll loop; reading is read-records.ts, batching
// pending-records.ts, a batch's retries batch-retries.ts, giving up give-up.ts.
import { processBatch } from './batch-retries';
import { createPendingRecords, type PendingRecords } from './pending-records';
import { getRecords, shardPageOf } from './read-records';
import { firstIterator, iteratorAfter } from './shard-iterator';
import { shardScopeOf, type ShardPollerOptions, type ShardScope } from './shard-scope';

export type { ShardPollerOptions } from './shard-scope';

export interface ShardPoller {
  /** Resolves when the shard is closed and fully processed, or the poller is stopped. */
  done: Promise<void>;
  stop(): Promise<void>;
}

/** Where the poller is in the shard. */
interface ShardCursor {
  iterator: string | undefined;
  lastRead: string | undefined;
}

export function startShardPoller(options: ShardPollerOptions): ShardPoller {
  const stopping = new AbortController();
  const scope = shardScopeOf(options, stopping.signal);
  const done = pollShard(scope).catch((error: unknown) => {
    if (!scope.stopped())
      scope.log(
        `${scope.source.functionLogicalId}: stream poller for ${scope.shardId} stopped: ${String(error)}`,
      );
  });
  return {
    done,
    async stop() {
      stopping.abort();
      await done;
    },
  };
}

async function pollShard(scope: ShardScope): Promise<void> {
  const cursor: ShardCursor = { iterator: await firstIterator(scope), lastRead: undefined };
  const pending = createPendingRecords(scope.source);
  while (!scope.stopped()) {
    let read = 0;
    if (cursor.iterator && pending.wantsMore()) {
      const added = await readInto(scope, cursor, cursor.iterator, pending);
      if (added === undefined) continue;
      read = added;
    }
    if (pending.batchReady(cursor.iterator !== undefined)) {
      await processBatch(scope, pending.takeBatch());
      continue;
    }
    if (!cursor.iterator && pending.count === 0) return; // The shard is closed and done.
    if (read === 0) await scope.pause(pending.idleWaitMs(scope.pollIntervalMs));
  }
}

/**
 * A new iterator just after the last record seen, asked for until the stream
 * answers: DynamoDB Local may be starting again after its JVM died, and a
 * poller that gave up would leave the function without its records for good.
 */
async function recoverIterator(
  scope: ShardScope,
  lastRead: string | undefined,
): Promise<string | undefined> {
  for (let attempt = 1; !scope.stopped(); attempt++) {
    try {
      return await iteratorAfter(scope, lastRead);
    } catch (error) {
      scope.log(
        `${scope.source.functionLogicalId}: no iterator for ${scope.shardId} yet (${String(error)}); retrying`,
      );
      await scope.pause(Math.min(1000 * attempt, 5000));
    }
  }
  return undefined;
}

/**
 * Reads one page into the pending records and returns how many it added;
 * undefined when the read failed and the cursor starts again after the last
 * record seen (an expired iterator, or a hiccup of the service).
 */
async function readInto(
  scope: ShardScope,
  cursor: ShardCursor,
  iterator: string,
  pending: PendingRecords,
): Promise<number | undefined> {
  let output;
  try {
    output = await getRecords(scope, iterator);
  } catch (error) {
    if (scope.stopped()) return undefined;
    scope.log(
      `${scope.source.functionLogicalId}: reading ${scope.shardId} failed (${String(error)}); retrying`,
    );
    await scope.pause(1000);
    cursor.iterator = await recoverIterator(scope, cursor.lastRead);
    return undefined;
  }
  const page = shardPageOf(scope, output);
  cursor.iterator = page.nextIterator;
  cursor.lastRead = page.lastSequenceNumber ?? cursor.lastRead;
  pending.add(page.records);
  return page.records.length;
}
