// The record Lambda sends to an event source mapping's OnFailure destination
// when it gives up on a batch of stream records: where the batch was, not
// the records themselves (they stay in the stream for 24 hours).
import type { DynamoDBRecord } from 'aws-lambda';

export type FailureCondition = 'RetryAttemptsExhausted' | 'RecordAgeExceeded';

export interface StreamFailureRecord {
  requestContext: {
    requestId: string;
    functionArn: string;
    condition: FailureCondition;
    approximateInvokeCount: number;
  };
  responseContext: { statusCode: number; executedVersion: string; functionError?: string };
  version: '1.0';
  timestamp: string;
  DDBStreamBatchInfo: {
    shardId: string;
    startSequenceNumber: string;
    endSequenceNumber: string;
    approximateArrivalOfFirstRecord: string;
    approximateArrivalOfLastRecord: string;
    batchSize: number;
    streamArn: string;
  };
}

function arrival(record: DynamoDBRecord | undefined): string {
  const seconds = record?.dynamodb?.ApproximateCreationDateTime ?? 0;
  return new Date(seconds * 1000).toISOString();
}

export function streamFailureRecord(options: {
  requestId: string;
  functionArn: string;
  condition: FailureCondition;
  invokeCount: number;
  functionError?: string;
  shardId: string;
  streamArn: string;
  records: readonly DynamoDBRecord[];
}): StreamFailureRecord {
  const first = options.records[0];
  const last = options.records.at(-1);
  return {
    requestContext: {
      requestId: options.requestId,
      functionArn: options.functionArn,
      condition: options.condition,
      approximateInvokeCount: options.invokeCount,
    },
    responseContext: {
      statusCode: 200,
      executedVersion: '$LATEST',
      ...(options.functionError && { functionError: options.functionError }),
    },
    version: '1.0',
    timestamp: new Date().toISOString(),
    DDBStreamBatchInfo: {
      shardId: options.shardId,
      startSequenceNumber: first?.dynamodb?.SequenceNumber ?? '',
      endSequenceNumber: last?.dynamodb?.SequenceNumber ?? '',
      approximateArrivalOfFirstRecord: arrival(first),
      approximateArrivalOfLastRecord: arrival(last),
      batchSize: options.records.length,
      streamArn: options.streamArn,
    },
  };
}
