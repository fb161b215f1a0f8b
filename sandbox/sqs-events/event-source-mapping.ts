// Lambda's SQS poller for one event source: long-polls the queue, gathers up
// to BatchSize messages within the batching window, invokes the function with
// an SQSEvent, deletes what succeeded (see batch-outcome.ts) and leaves the
// rest to come back after the visibility timeout; the queue's redrive policy
// moves a message that keeps failing to its dead-letter queue.
import {
  DeleteMessageBatchCommand,
  ReceiveMessageCommand,
  type Message,
  type SQSClient,
} from '@aws-sdk/client-sqs';
import type { SQSEvent } from 'aws-lambda';
import { recordsToDelete, type InvocationOutcome } from './batch-outcome';
import { sqsRecordOf } from './sqs-event';

export interface SqsEventSourceMappingOptions {
  client: SQSClient;
  queueUrl: string;
  queueArn: string;
  region: string;
  batchSize: number;
  maximumBatchingWindowInSeconds: number;
  reportBatchItemFailures: boolean;
  /** Batches in flight at once (Lambda starts with five pollers). */
  concurrency?: number;
  invoke: (event: SQSEvent) => Promise<InvocationOutcome>;
  log?: (line: string) => void;
  /** Told of every batch the function was given, and how many of its records failed. */
  onDelivery?: (delivery: SqsDelivery) => void;
}

export interface SqsDelivery {
  size: number;
  /** Records that come back after the visibility timeout. */
  failed: number;
  durationMs: number;
  coldStart?: boolean;
  /** The function's error, when it failed the whole batch. */
  reason?: string;
}

export interface SqsEventSourceMapping {
  close(): Promise<void>;
}

const LONG_POLL_SECONDS = 20;
const RECEIVE_LIMIT = 10;

export function startSqsEventSourceMapping(
  options: SqsEventSourceMappingOptions,
): SqsEventSourceMapping {
  const stopping = new AbortController();
  const log = options.log ?? (() => undefined);

  const receive = async (max: number, waitSeconds: number): Promise<Message[]> => {
    const { Messages = [] } = await options.client.send(
      new ReceiveMessageCommand({
        QueueUrl: options.queueUrl,
        MaxNumberOfMessages: Math.min(max, RECEIVE_LIMIT),
        WaitTimeSeconds: waitSeconds,
        MessageSystemAttributeNames: ['All'],
        MessageAttributeNames: ['All'],
      }),
      { abortSignal: stopping.signal },
    );
    return Messages;
  };

  /** The first message long-polled; then more until the batch is full or the window closes. */
  const nextBatch = async (): Promise<Message[]> => {
    const batch = await receive(options.batchSize, LONG_POLL_SECONDS);
    const windowEnds = Date.now() + options.maximumBatchingWindowInSeconds * 1000;
    while (batch.length > 0 && batch.length < options.batchSize && !stopping.signal.aborted) {
      const remainingMs = windowEnds - Date.now();
      if (remainingMs <= 0) break;
      const waitSeconds = Math.min(LONG_POLL_SECONDS, Math.floor(remainingMs / 1000));
      const more = await receive(options.batchSize - batch.length, waitSeconds);
      batch.push(...more);
      if (more.length === 0 && waitSeconds === 0) {
        await new Promise((resolve) => setTimeout(resolve, Math.min(remainingMs, 100)));
      }
    }
    return batch;
  };

  const deleteMessages = async (messages: Message[]): Promise<void> => {
    for (let start = 0; start < messages.length; start += RECEIVE_LIMIT) {
      const entries = messages.slice(start, start + RECEIVE_LIMIT).map((message, index) => ({
        Id: String(index),
        ReceiptHandle: message.ReceiptHandle ?? '',
      }));
      await options.client.send(
        new DeleteMessageBatchCommand({ QueueUrl: options.queueUrl, Entries: entries }),
      );
    }
  };

  const processBatch = async (batch: Message[]): Promise<void> => {
    const event: SQSEvent = {
      Records: batch.map((message) =>
        sqsRecordOf(message, { queueArn: options.queueArn, region: options.region }),
      ),
    };
    const started = performance.now();
    const outcome = await options.invoke(event).catch((error: unknown): InvocationOutcome => ({
      status: 'failed',
      error: { errorMessage: error instanceof Error ? error.message : String(error) },
    }));
    const ids = event.Records.map((record) => record.messageId);
    const done = new Set(recordsToDelete(ids, outcome, options.reportBatchItemFailures));
    options.onDelivery?.({
      size: ids.length,
      failed: ids.length - done.size,
      durationMs: performance.now() - started,
      coldStart: outcome.coldStart,
      ...(outcome.status === 'failed' && { reason: outcome.error?.errorMessage }),
    });
    await deleteMessages(batch.filter((message) => done.has(message.MessageId ?? '')));
  };

  const poll = async (): Promise<void> => {
    while (!stopping.signal.aborted) {
      try {
        const batch = await nextBatch();
        if (batch.length > 0 && !stopping.signal.aborted) await processBatch(batch);
      } catch (error) {
        if (stopping.signal.aborted) return;
        log(
          `SQS poller for ${options.queueArn}: ${error instanceof Error ? error.message : String(error)}`,
        );
        await new Promise((resolve) => setTimeout(resolve, 1000));
      }
    }
  };

  const pollers = Array.from({ length: Math.max(1, options.concurrency ?? 5) }, () => poll());
  return {
    async close() {
      stopping.abort();
      await Promise.allSettled(pollers);
    },
  };
}
