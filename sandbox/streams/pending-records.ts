// Records read but not yet invoked, and when they make a batch: BatchSize
// records, the batching window of the oldest one closed, or the shard closed.
import type { DynamoDBRecord } from 'aws-lambda';
import type { StreamEventSource } from './stream-event-sources';

export interface PendingRecords {
  readonly count: number;
  /** Whether another read may add to them: fewer than BatchSize wait. */
  wantsMore(): boolean;
  add(records: readonly DynamoDBRecord[]): void;
  batchReady(shardOpen: boolean): boolean;
  /** The next batch, oldest records first; those left start a new window. */
  takeBatch(): DynamoDBRecord[];
  /** How long an idle poller waits: the poll interval, or less when a window closes sooner. */
  idleWaitMs(pollIntervalMs: number): number;
}

export function createPendingRecords(
  source: Pick<StreamEventSource, 'batchSize' | 'maximumBatchingWindowMs'>,
): PendingRecords {
  const pending: DynamoDBRecord[] = [];
  let oldestPendingAt = 0;
  const windowLeftMs = () => source.maximumBatchingWindowMs - (Date.now() - oldestPendingAt);

  return {
    get count() {
      return pending.length;
    },
    wantsMore: () => pending.length < source.batchSize,
    add(records) {
      for (const record of records) {
        if (pending.length === 0) oldestPendingAt = Date.now();
        pending.push(record);
      }
    },
    batchReady: (shardOpen) =>
      pending.length > 0 &&
      (pending.length >= source.batchSize || windowLeftMs() <= 0 || !shardOpen),
    takeBatch() {
      const batch = pending.splice(0, source.batchSize);
      if (pending.length > 0) oldestPendingAt = Date.now();
      return batch;
    },
    idleWaitMs(pollIntervalMs) {
      const untilWindow = pending.length > 0 ? windowLeftMs() : pollIntervalMs;
      return Math.max(1, Math.min(pollIntervalMs, untilWindow));
    },
  };
}
