import type { DynamoDBStreamEvent } from 'aws-lambda';
import {
  createSearchIndexer,
  instrumentHandler,
  searchIndexerConfig,
} from '@mobile-backend/domain';

const indexer = createSearchIndexer(searchIndexerConfig());

/** AppTable stream (item records only) → search documents; failed records in batchItemFailures. */
export const handler = instrumentHandler((event: DynamoDBStreamEvent, context) =>
  indexer.process(event, context),
);
