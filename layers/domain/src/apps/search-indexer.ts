import { StreamIndexer } from '../search/dynamodb-stream-indexer';
import type { SearchIndexerConfig } from '../search/search-config';
import { searchIndexOf } from './parts/search-engine';

export { searchIndexerConfig } from '../search/search-config';
export type { SearchIndexerConfig } from '../search/search-config';

/** SearchIndexerFunction's indexer. Call once at module scope. */
export function createSearchIndexer(config: SearchIndexerConfig): StreamIndexer {
  return new StreamIndexer(searchIndexOf(config.engine, 'document'));
}
