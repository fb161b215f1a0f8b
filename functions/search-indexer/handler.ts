import type { DynamoDBStreamEvent } from 'aws-lambda';
import { instrumentHandler } from '@mobile-backend/domain/http';
import {
  createSearchIndexer,
  searchIndexerConfig,
} from '@mobile-backend/domain/apps/search-indexer';

const indexer = createSearchIndexer(searchIndexerConfig());

/** AppTable stream (item records only) → search documents; failed records in batchItemFailures. */
export const handler = instrumentHandler((event: DynamoDBStreamEvent, context) =>
  indexer.process(event, context),
);
