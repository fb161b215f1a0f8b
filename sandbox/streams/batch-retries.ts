// One batch until it is done: invoked, retried whole while it fails (the
// shard waits), split in halves on function errors when the mapping bisects,
// cut to the failed records of a partial batch response, and given up when
// it is too old or out of retries.
import type { DynamoDBRecord } from 'aws-lambda';
import { batchLine } from '../runtime/access-lines';
import { batchOutcomeOf, type BatchOutcome } from './batch-outcome';
import { giveUp } from './give-up';
import type { ShardScope } from './shard-scope';
import type { StreamEventSource } from './stream-event-sources';

interface PendingBatch {
  records: DynamoDBRecord[];
  retries: number;
  invokeCount: number;
}

type Failed = Exclude<BatchOutcome, { kind: 'success' }>;

const sequenceOf = (record: DynamoDBRecord): string => record.dynamodb?.SequenceNumber ?? '';

/** Blocks the shard until the batch succeeds or is given up. */
export async function processBatch(scope: ShardScope, records: DynamoDBRecord[]): Promise<void> {
  const { source } = scope;
  const queue: PendingBatch[] = [{ records, retries: 0, invokeCount: 0 }];
  while (queue.length > 0 && !scope.stopped()) {
    const batch = queue.shift() as PendingBatch;
    if (tooOld(source, batch)) {
      await giveUp(scope, batch, 'RecordAgeExceeded');
      continue;
    }
    const outcome = await invokeBatch(scope, batch);
    if (outcome.kind === 'success') continue;
    const remaining = stillFailing(batch, outcome);
    remaining.retries += 1;
    if (source.maximumRetryAttempts >= 0 && remaining.retries > source.maximumRetryAttempts) {
      const functionError = outcome.kind === 'failure' ? outcome.functionError : undefined;
      await giveUp(scope, remaining, 'RetryAttemptsExhausted', functionError);
      continue;
    }
    scope.log(
      `${source.functionLogicalId}: batch failed (${reasonOf(remaining, outcome)}); retry ${remaining.retries}`,
    );
    // What failed stays first in line: nothing after it is processed before it.
    queue.unshift(...retriesOf(source, remaining, outcome));
    await scope.pause(retryDelayMs(scope, remaining.retries));
  }
}

function tooOld(source: StreamEventSource, batch: PendingBatch): boolean {
  if (source.maximumRecordAgeSeconds < 0) return false;
  const created = batch.records[0]?.dynamodb?.ApproximateCreationDateTime ?? Date.now() / 1000;
  return Date.now() / 1000 - created > source.maximumRecordAgeSeconds;
}

/** Invokes the function once with the batch, and reads its partial batch response. */
async function invokeBatch(scope: ShardScope, batch: PendingBatch): Promise<BatchOutcome> {
  const started = performance.now();
  const result = await scope.invoke({ Records: batch.records });
  batch.invokeCount += 1;
  const outcome = batchOutcomeOf(
    result,
    batch.records.map(sequenceOf),
    scope.source.reportBatchItemFailures,
  );
  scope.accessLog(
    batchLine(
      {
        source: 'stream',
        functionName: scope.source.functionLogicalId,
        from: scope.source.tableLogicalId,
        size: batch.records.length,
        failed: failedCount(batch, outcome),
        ...(outcome.kind === 'failure' && { reason: outcome.reason }),
      },
      { durationMs: performance.now() - started, coldStart: result.coldStart },
    ),
  );
  return outcome;
}

/** A partial batch response fails the records from the lowest reported one on; an error, all. */
function failedCount(batch: PendingBatch, outcome: BatchOutcome): number {
  if (outcome.kind === 'success') return 0;
  return outcome.kind === 'partial'
    ? batch.records.length - outcome.retryFrom
    : batch.records.length;
}

/** A partial batch response keeps the records from the lowest failed one on; an error keeps all. */
function stillFailing(batch: PendingBatch, outcome: Failed): PendingBatch {
  return outcome.kind === 'partial'
    ? { ...batch, records: batch.records.slice(outcome.retryFrom) }
    : batch;
}

function reasonOf(remaining: PendingBatch, outcome: Failed): string {
  return outcome.kind === 'partial'
    ? `${remaining.records.length} record(s) reported failed`
    : outcome.reason;
}

/** The batch again, or its two halves when a function error bisects it. */
function retriesOf(
  source: StreamEventSource,
  remaining: PendingBatch,
  outcome: Failed,
): PendingBatch[] {
  if (outcome.kind !== 'failure' || !source.bisectBatchOnFunctionError) return [remaining];
  if (remaining.records.length <= 1) return [remaining];
  const half = Math.ceil(remaining.records.length / 2);
  return [
    { ...remaining, records: remaining.records.slice(0, half) },
    { ...remaining, records: remaining.records.slice(half) },
  ];
}

/** Doubles from the first retry delay, up to the longest. */
function retryDelayMs(scope: ShardScope, retries: number): number {
  return Math.min(scope.maxRetryDelayMs, scope.retryDelayMs * 2 ** (retries - 1));
}
