// Giving up on a batch: the shard moves past it, the console says which
// records were skipped and why, and the OnFailure destination, when the
// mapping has one, gets Lambda's record of the batch.
import { randomUUID } from 'node:crypto';
import type { DynamoDBRecord } from 'aws-lambda';
import { streamFailureRecord, type FailureCondition } from './on-failure';
import type { ShardScope } from './shard-scope';

export interface GivenUpBatch {
  records: readonly DynamoDBRecord[];
  invokeCount: number;
}

export async function giveUp(
  scope: ShardScope,
  batch: GivenUpBatch,
  condition: FailureCondition,
  functionError?: string,
): Promise<void> {
  const { source } = scope;
  const record = streamFailureRecord({
    requestId: randomUUID(),
    functionArn: scope.functionArn,
    condition,
    invokeCount: batch.invokeCount,
    ...(functionError && { functionError }),
    shardId: scope.shardId,
    streamArn: scope.streamArn,
    records: batch.records,
  });
  const range = `${record.DDBStreamBatchInfo.startSequenceNumber}..${record.DDBStreamBatchInfo.endSequenceNumber}`;
  scope.log(
    `${source.functionLogicalId}: gave up on ${batch.records.length} stream record(s) ${range} (${condition})`,
  );
  if (!source.onFailureArn) return;
  await scope
    .sendFailure(record)
    .catch((error: unknown) =>
      scope.log(
        `${source.functionLogicalId}: could not deliver the OnFailure record: ${String(error)}`,
      ),
    );
}
