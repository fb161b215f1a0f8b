// Where reading a shard starts: at the mapping's StartingPosition, and again
// just after the last record seen when an iterator expired or a read failed.
import { GetShardIteratorCommand } from '@aws-sdk/client-dynamodb-streams';
import type { ShardScope } from './shard-scope';

type ShardLocation = Pick<ShardScope, 'streams' | 'streamArn' | 'shardId' | 'source'>;

export async function firstIterator(shard: ShardLocation): Promise<string | undefined> {
  const { ShardIterator } = await shard.streams.send(
    new GetShardIteratorCommand({
      StreamArn: shard.streamArn,
      ShardId: shard.shardId,
      ShardIteratorType: shard.source.startingPosition,
    }),
  );
  return ShardIterator;
}

/** Before any record was seen, that is the first iterator again. */
export async function iteratorAfter(
  shard: ShardLocation,
  sequenceNumber: string | undefined,
): Promise<string | undefined> {
  if (sequenceNumber === undefined) return firstIterator(shard);
  const { ShardIterator } = await shard.streams.send(
    new GetShardIteratorCommand({
      StreamArn: shard.streamArn,
      ShardId: shard.shardId,
      ShardIteratorType: 'AFTER_SEQUENCE_NUMBER',
      SequenceNumber: sequenceNumber,
    }),
  );
  return ShardIterator;
}
