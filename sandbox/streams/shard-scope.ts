// What every piece of one shard's poller works with: the mapping, the shard,
// how to invoke the function and deliver an OnFailure record, its timings,
// and whether the poller is stopping.
import { setTimeout as sleep } from 'node:timers/promises';
import type { DynamoDBStreamsClient } from '@aws-sdk/client-dynamodb-streams';
import type { DynamoDBStreamEvent } from 'aws-lambda';
import type { TimeToLiveDeletions } from '../dynamodb/time-to-live-deletions';
import type { InvokeResult } from '../runtime/function-host';
import type { StreamFailureRecord } from './on-failure';
import type { StreamEventSource } from './stream-event-sources';

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
  /** The line per batch the function was given; `log` unless given. */
  accessLog?(line: string): void;
  /** How often an idle shard is read; Lambda reads each shard four times a second. */
  pollIntervalMs?: number;
  /** First retry delay, doubled per retry up to maxRetryDelayMs. */
  retryDelayMs?: number;
  maxRetryDelayMs?: number;
  /** The sandbox's TTL deletes, whose REMOVE records carry TTL's identity. */
  timeToLiveDeletions?: Pick<TimeToLiveDeletions, 'deleted'>;
}

export interface ShardScope extends ShardPollerOptions {
  accessLog(line: string): void;
  pollIntervalMs: number;
  retryDelayMs: number;
  maxRetryDelayMs: number;
  stopped(): boolean;
  /** Waits, or less when the poller stops. */
  pause(ms: number): Promise<void>;
}

export function shardScopeOf(options: ShardPollerOptions, stopping: AbortSignal): ShardScope {
  return {
    source: options.source,
    streams: options.streams,
    streamArn: options.streamArn,
    shardId: options.shardId,
    region: options.region,
    functionArn: options.functionArn,
    invoke: (event) => options.invoke(event),
    sendFailure: (record) => options.sendFailure(record),
    log: (line) => options.log(line),
    accessLog: (line) => (options.accessLog ?? options.log)(line),
    pollIntervalMs: options.pollIntervalMs ?? 250,
    retryDelayMs: options.retryDelayMs ?? 100,
    maxRetryDelayMs: options.maxRetryDelayMs ?? 1000,
    ...(options.timeToLiveDeletions && { timeToLiveDeletions: options.timeToLiveDeletions }),
    stopped: () => stopping.aborted,
    pause: (ms) => sleep(ms, undefined, { signal: stopping }).catch(() => undefined),
  };
}
