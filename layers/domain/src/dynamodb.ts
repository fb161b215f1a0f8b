import {
  ConditionalCheckFailedException,
  DynamoDBClient,
  TransactionCanceledException,
} from '@aws-sdk/client-dynamodb';
import { BatchWriteCommand, DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { BatchWriteCommandInput, BatchWriteCommandOutput } from '@aws-sdk/lib-dynamodb';
import { tracer } from './observability';

/** The traced low-level client; one per cold start. The endpoint comes from AWS_ENDPOINT_URL_DYNAMODB when set. */
export function createDynamoDbClient(): DynamoDBClient {
  const client = new DynamoDBClient({});
  // The SDK's logger middleware runs every input and output item through its
  // sensitive-data filter before handing them to the logger, which is the
  // SDK's no-op one: work on every request for lines nobody writes.
  client.middlewareStack.remove('loggerMiddleware');
  return tracer.captureAWSv3Client(client);
}

export function createDocumentClient(client: DynamoDBClient): DynamoDBDocumentClient {
  return DynamoDBDocumentClient.from(client, {
    // Users' data may have a key named `constructor`, which makes a parsed JSON
    // object look like a class instance to the marshaller: store it as the map it is.
    marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: true },
  });
}

export function isConditionFailure(error: unknown): boolean {
  return (
    error instanceof ConditionalCheckFailedException ||
    (error instanceof Error && error.name === 'ConditionalCheckFailedException')
  );
}

/** Which items of a cancelled transaction failed their condition; undefined for other errors. */
export function failedConditions(error: unknown): boolean[] | undefined {
  if (
    !(error instanceof TransactionCanceledException) &&
    !(error instanceof Error && error.name === 'TransactionCanceledException')
  ) {
    return undefined;
  }
  const reasons = (error as TransactionCanceledException).CancellationReasons ?? [];
  return reasons.map((reason) => reason.Code === 'ConditionalCheckFailed');
}

const BATCH_SIZE = 25;
const MAX_UNPROCESSED_RETRIES = 8;

/** Deletes keys in batches of 25, retrying what DynamoDB leaves unprocessed with backoff. */
export async function batchDelete(
  documents: DynamoDBDocumentClient,
  tableName: string,
  keys: Record<string, string>[],
): Promise<void> {
  for (let start = 0; start < keys.length; start += BATCH_SIZE) {
    await writeBatch(documents, {
      [tableName]: keys.slice(start, start + BATCH_SIZE).map((Key) => ({ DeleteRequest: { Key } })),
    });
  }
}

/** One BatchWriteItem of at most 25 requests, what DynamoDB leaves unprocessed retried with backoff. */
export async function writeBatch(
  documents: DynamoDBDocumentClient,
  requestItems: NonNullable<BatchWriteCommandInput['RequestItems']>,
): Promise<void> {
  let requests: BatchWriteCommandInput['RequestItems'] = requestItems;
  for (let attempt = 0; requests && Object.keys(requests).length > 0; attempt++) {
    if (attempt > MAX_UNPROCESSED_RETRIES) {
      throw new Error(`DynamoDB left writes unprocessed after ${attempt} attempts`);
    }
    if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, 50 * 2 ** attempt));
    const result: BatchWriteCommandOutput = await documents.send(
      new BatchWriteCommand({ RequestItems: requests }),
    );
    requests = result.UnprocessedItems;
  }
}
