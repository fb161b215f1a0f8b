// One shard of one event source mapping, with Lambda's semantics: records in
// order, one batch in flight, BatchSize and the batching window, whole-batch
// retries that block the shard until they succeed or the retry budget is
// spent, bisection on function errors, partial batch responses that move the
// checkpoint to the lowest failed record, and the OnFailure record when a
// batch is given up.
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  GetRecordsCommand,
  GetShardIteratorCommand,
  type DynamoDBStreamsClient,
} from '@aws-sdk/client-dynamodb-streams';
import type { DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import type { InvokeResult } from '../runtime/function-host';
import { batchOutcomeOf } from './batch-outcome';
import { matchesFilters } from './event-filter';
import { streamFailureRecord, type FailureCondition, type StreamFailureRecord } from './on-failure';
import type { StreamEventSource } from './stream-event-sources';
import { lambdaStreamRecord } from './stream-records';

export interface ShardPollerOptions {
  source: StreamEventSource;
  streams: DynamoDBStreamsClient;
  streamArn: string;
  shardId: string;
  region: string;
  functionArn: string;
  invoke(event: DynamoDBStreamEvent): Promise<InvokeResult>;
  /** Delivers an OnFailure record to the mapping's destination. */
  sendFailure(record: StreamFailureRecord): Promise<void>;
  log(line: string): void;
  /** How often an idle shard is read; Lambda reads each shard four times a second. */
  pollIntervalMs?: number;
  /** First retry delay, doubled per retry up to maxRetryDelayMs. */
  retryDelayMs?: number;
  maxRetryDelayMs?: number;
}

export interface ShardPoller {
  /** Resolves when the shard is closed and fully processed, or the poller is stopped. */
  done: Promise<void>;
  stop(): Promise<void>;
}

interface PendingBatch {
  records: DynamoDBRecord[];
  retries: number;
  invokeCount: number;
}

const sequenceOf = (record: DynamoDBRecord): string => record.dynamodb?.SequenceNumber ?? '';

export function startShardPoller(options: ShardPollerOptions): ShardPoller {
  const { source } = options;
  const pollIntervalMs = options.pollIntervalMs ?? 250;
  const retryDelayMs = options.retryDelayMs ?? 100;
  const maxRetryDelayMs = options.maxRetryDelayMs ?? 1000;
  const stopping = new AbortController();
  const stopped = () => stopping.signal.aborted;
  const pause = (ms: number) =>
    sleep(ms, undefined, { signal: stopping.signal }).catch(() => undefined);

  async function firstIterator(): Promise<string | undefined> {
    const { ShardIterator } = await options.streams.send(
      new GetShardIteratorCommand({
        StreamArn: options.streamArn,
        ShardId: options.shardId,
        ShardIteratorType: source.startingPosition,
      }),
    );
    return ShardIterator;
  }

  async function giveUp(
    batch: PendingBatch,
    condition: FailureCondition,
    functionError?: string,
  ): Promise<void> {
    const record = streamFailureRecord({
      requestId: randomUUID(),
      functionArn: options.functionArn,
      condition,
      invokeCount: batch.invokeCount,
      ...(functionError && { functionError }),
      shardId: options.shardId,
      streamArn: options.streamArn,
      records: batch.records,
    });
    const range = `${record.DDBStreamBatchInfo.startSequenceNumber}..${record.DDBStreamBatchInfo.endSequenceNumber}`;
    options.log(
      `${source.functionLogicalId}: gave up on ${batch.records.length} stream record(s) ${range} (${condition})`,
    );
    if (source.onFailureArn) {
      await options
        .sendFailure(record)
        .catch((error: unknown) =>
          options.log(
            `${source.functionLogicalId}: could not deliver the OnFailure record: ${String(error)}`,
          ),
        );
    }
  }

  function tooOld(batch: PendingBatch): boolean {
    if (source.maximumRecordAgeSeconds < 0) return false;
    const created = batch.records[0]?.dynamodb?.ApproximateCreationDateTime ?? Date.now() / 1000;
    return Date.now() / 1000 - created > source.maximumRecordAgeSeconds;
  }

  /** Blocks the shard until the batch succeeds or is given up. */
  async function processBatch(records: DynamoDBRecord[]): Promise<void> {
    const queue: PendingBatch[] = [{ records, retries: 0, invokeCount: 0 }];
    while (queue.length > 0 && !stopped()) {
      const batch = queue.shift() as PendingBatch;
      if (tooOld(batch)) {
        await giveUp(batch, 'RecordAgeExceeded');
        continue;
      }
      const result = await options.invoke({ Records: batch.records });
      batch.invokeCount += 1;
      const outcome = batchOutcomeOf(
        result,
        batch.records.map(sequenceOf),
        source.reportBatchItemFailures,
      );
      if (outcome.kind === 'success') continue;
      // What failed stays first in line: nothing after it is processed before it.
      const remaining: PendingBatch =
        outcome.kind === 'partial'
          ? { ...batch, records: batch.records.slice(outcome.retryFrom) }
          : batch;
      remaining.retries += 1;
      const reason =
        outcome.kind === 'partial'
          ? `${remaining.records.length} record(s) reported failed`
          : outcome.reason;
      if (source.maximumRetryAttempts >= 0 && remaining.retries > source.maximumRetryAttempts) {
        await giveUp(
          remaining,
          'RetryAttemptsExhausted',
          outcome.kind === 'failure' ? outcome.functionError : undefined,
        );
        continue;
      }
      options.log(
        `${source.functionLogicalId}: batch failed (${reason}); retry ${remaining.retries}`,
      );
      if (
        outcome.kind === 'failure' &&
        source.bisectBatchOnFunctionError &&
        remaining.records.length > 1
      ) {
        const half = Math.ceil(remaining.records.length / 2);
        queue.unshift(
          { ...remaining, records: remaining.records.slice(0, half) },
          { ...remaining, records: remaining.records.slice(half) },
        );
      } else {
        queue.unshift(remaining);
      }
      await pause(Math.min(maxRetryDelayMs, retryDelayMs * 2 ** (remaining.retries - 1)));
    }
  }

  async function iteratorAfter(sequenceNumber: string | undefined): Promise<string | undefined> {
    if (sequenceNumber === undefined) return firstIterator();
    const { ShardIterator } = await options.streams.send(
      new GetShardIteratorCommand({
        StreamArn: options.streamArn,
        ShardId: options.shardId,
        ShardIteratorType: 'AFTER_SEQUENCE_NUMBER',
        SequenceNumber: sequenceNumber,
      }),
    );
    return ShardIterator;
  }

  async function run(): Promise<void> {
    let iterator = await firstIterator();
    let lastRead: string | undefined;
    const pending: DynamoDBRecord[] = [];
    let oldestPendingAt = 0;
    while (!stopped()) {
      let read = 0;
      if (iterator && pending.length < source.batchSize) {
        let page;
        try {
          page = await options.streams.send(
            new GetRecordsCommand({ ShardIterator: iterator, Limit: 1000 }),
          );
        } catch (error) {
          // Expired iterator or a hiccup of the service: read on after the last record seen.
          if (stopped()) return;
          options.log(
            `${source.functionLogicalId}: reading ${options.shardId} failed (${String(error)}); retrying`,
          );
          await pause(1000);
          iterator = await iteratorAfter(lastRead);
          continue;
        }
        iterator = page.NextShardIterator;
        for (const sdkRecord of page.Records ?? []) {
          lastRead = sdkRecord.dynamodb?.SequenceNumber ?? lastRead;
          const record = lambdaStreamRecord(sdkRecord, {
            streamArn: options.streamArn,
            region: options.region,
          });
          // Records that match no filter are dropped, as Lambda drops them.
          if (!matchesFilters(source.filters, record)) continue;
          if (pending.length === 0) oldestPendingAt = Date.now();
          pending.push(record);
          read += 1;
        }
      }
      const windowClosed = Date.now() - oldestPendingAt >= source.maximumBatchingWindowMs;
      if (pending.length > 0 && (pending.length >= source.batchSize || windowClosed || !iterator)) {
        await processBatch(pending.splice(0, source.batchSize));
        if (pending.length > 0) oldestPendingAt = Date.now();
        continue;
      }
      if (!iterator && pending.length === 0) return; // The shard is closed and done.
      if (read === 0) {
        const untilWindow =
          pending.length > 0
            ? source.maximumBatchingWindowMs - (Date.now() - oldestPendingAt)
            : pollIntervalMs;
        await pause(Math.max(1, Math.min(pollIntervalMs, untilWindow)));
      }
    }
  }

  const done = run().catch((error: unknown) => {
    if (!stopped())
      options.log(
        `${source.functionLogicalId}: stream poller for ${options.shardId} stopped: ${String(error)}`,
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
