// One read of a shard: a page of the Streams API, then its records in the
// shape Lambda gives the function (a REMOVE by the sandbox's Time to Live with
// TTL's identity), without those that match none of the mapping's filters
// (Lambda drops them).
import { GetRecordsCommand, type GetRecordsCommandOutput } from '@aws-sdk/client-dynamodb-streams';
import type { DynamoDBRecord } from 'aws-lambda';
import { TIME_TO_LIVE_IDENTITY, tableOfStream } from '../dynamodb/time-to-live-deletions';
import { matchesFilters } from './event-filter';
import type { ShardScope } from './shard-scope';
import { lambdaStreamRecord } from './stream-records';

export interface ShardPage {
  /** Undefined once the shard is closed and read to its end. */
  nextIterator: string | undefined;
  /** The last record read, filtered or not: where to read on after a failure. */
  lastSequenceNumber: string | undefined;
  records: DynamoDBRecord[];
}

export function getRecords(
  scope: Pick<ShardScope, 'streams'>,
  iterator: string,
): Promise<GetRecordsCommandOutput> {
  return scope.streams.send(new GetRecordsCommand({ ShardIterator: iterator, Limit: 1000 }));
}

export function shardPageOf(
  scope: Pick<ShardScope, 'streamArn' | 'region' | 'source' | 'timeToLiveDeletions'>,
  page: GetRecordsCommandOutput,
): ShardPage {
  const table = tableOfStream(scope.streamArn);
  let lastSequenceNumber: string | undefined;
  const records: DynamoDBRecord[] = [];
  for (const sdkRecord of page.Records ?? []) {
    lastSequenceNumber = sdkRecord.dynamodb?.SequenceNumber ?? lastSequenceNumber;
    const record = lambdaStreamRecord(sdkRecord, {
      streamArn: scope.streamArn,
      region: scope.region,
    });
    const expired =
      record.eventName === 'REMOVE' &&
      table !== undefined &&
      scope.timeToLiveDeletions?.deleted(
        table,
        record.dynamodb?.Keys ?? {},
        record.dynamodb?.ApproximateCreationDateTime,
      );
    if (expired) record.userIdentity = { ...TIME_TO_LIVE_IDENTITY };
    if (matchesFilters(scope.source.filters, record)) records.push(record);
  }
  return { nextIterator: page.NextShardIterator, lastSequenceNumber, records };
}
