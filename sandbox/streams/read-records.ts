// One read of a shard: a page of the Streams API, then its records in the
// shape Lambda gives the function, without those that match none of the
// mapping's filters (Lambda drops them).
import { GetRecordsCommand, type GetRecordsCommandOutput } from '@aws-sdk/client-dynamodb-streams';
import type { DynamoDBRecord } from 'aws-lambda';
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
  scope: Pick<ShardScope, 'streamArn' | 'region' | 'source'>,
  page: GetRecordsCommandOutput,
): ShardPage {
  let lastSequenceNumber: string | undefined;
  const records: DynamoDBRecord[] = [];
  for (const sdkRecord of page.Records ?? []) {
    lastSequenceNumber = sdkRecord.dynamodb?.SequenceNumber ?? lastSequenceNumber;
    const record = lambdaStreamRecord(sdkRecord, {
      streamArn: scope.streamArn,
      region: scope.region,
    });
    if (matchesFilters(scope.source.filters, record)) records.push(record);
  }
  return { nextIterator: page.NextShardIterator, lastSequenceNumber, records };
}
