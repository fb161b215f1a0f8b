import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import type {
  Context,
  DynamoDBBatchResponse,
  DynamoDBRecord,
  DynamoDBStreamEvent,
} from 'aws-lambda';
import { logger } from '../observability';
import { ChangeBatcher } from './change-batcher';
import type { SearchIndex } from './search-index';
import { indexChangeOf } from './dynamodb-stream-changes';

/**
 * Keeps the search index in step with the item records of the table's
 * stream. A record that fails is reported in `batchItemFailures`, so Lambda
 * retries from the first failed record on; the others are checkpointed.
 *
 * No idempotency store: add/replace and delete are idempotent per document
 * id, and a retry replays the records from the checkpoint in stream order,
 * so a replay leaves the index as the first delivery did, and the newest
 * version of an item is always applied last.
 */
export class StreamIndexer {
  constructor(private readonly searchIndex: SearchIndex) {}

  async process(event: DynamoDBStreamEvent, context: Context): Promise<DynamoDBBatchResponse> {
    const batcher = new ChangeBatcher(this.searchIndex);
    const handleRecord = async (record: DynamoDBRecord): Promise<void> => {
      try {
        const change = indexChangeOf(record);
        if (change) await batcher.submit(change);
      } catch (error) {
        logger.error('Could not index a stream record', {
          sequenceNumber: record.dynamodb?.SequenceNumber,
          eventName: record.eventName,
          error: error instanceof Error ? error : String(error),
        });
        throw error;
      }
    };
    return processPartialResponse(
      event,
      handleRecord,
      new BatchProcessor(EventType.DynamoDBStreams),
      { context },
    );
  }
}
