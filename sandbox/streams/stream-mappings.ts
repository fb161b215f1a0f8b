// Runs the template's DynamoDB stream event sources against DynamoDB Local's
// Streams API: one poller per shard (children after their parent is done),
// invoking the function through its host, OnFailure records to local SQS.
import {
  DescribeStreamCommand,
  type DynamoDBStreamsClient,
} from '@aws-sdk/client-dynamodb-streams';
import { SendMessageCommand, type SQSClient } from '@aws-sdk/client-sqs';
import type { FunctionHost } from '../runtime/function-host';
import type { PhysicalResources } from '../template/model';
import { queueUrlOf } from '../queues/queue-url';
import { startShardPoller, type ShardPoller } from './shard-poller';
import type { ShardPollerOptions } from './shard-scope';
import type { StreamEventSource } from './stream-event-sources';

export interface StreamMappingsOptions {
  sources: StreamEventSource[];
  resources: PhysicalResources;
  hosts: ReadonlyMap<string, FunctionHost>;
  streams: DynamoDBStreamsClient;
  sqs: SQSClient;
  region: string;
  log(line: string): void;
  /** The line per batch delivered; `log` unless given. */
  accessLog?(line: string): void;
  pollIntervalMs?: number;
  retryDelayMs?: number;
  /** The sandbox's TTL deletes, whose REMOVE records carry TTL's identity. */
  timeToLiveDeletions?: ShardPollerOptions['timeToLiveDeletions'];
}

export interface StreamMappings {
  stop(): Promise<void>;
}

export async function startStreamMappings(options: StreamMappingsOptions): Promise<StreamMappings> {
  const pollers = new Set<ShardPoller>();
  let stopped = false;

  const startSource = async (source: StreamEventSource): Promise<void> => {
    const host = options.hosts.get(source.functionLogicalId);
    const streamArn = options.resources[source.tableLogicalId]?.attributes.StreamArn;
    if (!host)
      throw new Error(`No function ${source.functionLogicalId} for its ${source.name} event`);
    if (!streamArn)
      throw new Error(
        `${source.tableLogicalId} has no stream for ${source.functionLogicalId}.${source.name}`,
      );
    const queueUrl = source.onFailureArn
      ? queueUrlOf(options.resources, source.onFailureArn, 'OnFailure')
      : undefined;
    const started = new Set<string>();

    const startShards = async (): Promise<void> => {
      if (stopped) return;
      const { StreamDescription } = await options.streams.send(
        new DescribeStreamCommand({ StreamArn: streamArn }),
      );
      const shards = StreamDescription?.Shards ?? [];
      const known = new Set(shards.map((shard) => shard.ShardId));
      for (const shard of shards) {
        const id = shard.ShardId ?? '';
        // A child shard waits until its parent is read to the end, to keep per-item order.
        const parentPending =
          shard.ParentShardId &&
          known.has(shard.ParentShardId) &&
          !started.has(`${shard.ParentShardId}:done`);
        if (started.has(id) || parentPending) continue;
        started.add(id);
        const poller = startShardPoller({
          source,
          streams: options.streams,
          streamArn,
          shardId: id,
          region: options.region,
          functionArn: host.functionArn,
          invoke: (event) => host.invoke(event),
          sendFailure: async (record) => {
            await options.sqs.send(
              new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: JSON.stringify(record) }),
            );
          },
          log: options.log,
          accessLog: options.accessLog ?? options.log,
          ...(options.pollIntervalMs !== undefined && { pollIntervalMs: options.pollIntervalMs }),
          ...(options.retryDelayMs !== undefined && { retryDelayMs: options.retryDelayMs }),
          ...(options.timeToLiveDeletions && {
            timeToLiveDeletions: options.timeToLiveDeletions,
          }),
        });
        pollers.add(poller);
        void poller.done
          .then(() => {
            pollers.delete(poller);
            started.add(`${id}:done`);
            return startShards();
          })
          .catch((error: unknown) => options.log(`${source.functionLogicalId}: ${String(error)}`));
      }
    };
    await startShards();
  };

  for (const source of options.sources.filter((s) => s.enabled)) await startSource(source);
  return {
    async stop() {
      stopped = true;
      await Promise.all([...pollers].map((poller) => poller.stop()));
    },
  };
}
