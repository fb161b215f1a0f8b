import { CursorCodec } from '../pagination/cursor';
import { CloudSearchIndex } from './cloudsearch-index';
import type { SearchApiConfig, SearchIndexerConfig } from './search-config';
import { SearchOperations } from './search-operations';
import { StreamIndexer } from './stream-indexer';

/** SearchIndexerFunction's indexer on CloudSearch. Call once at module scope. */
export function createSearchIndexer(config: SearchIndexerConfig): StreamIndexer {
  return new StreamIndexer(new CloudSearchIndex({ document: config.documentEndpoint }));
}

/** SearchApiFunction's operations on CloudSearch. Call once at module scope. */
export function createSearchApi(config: SearchApiConfig): SearchOperations {
  return new SearchOperations(
    new CloudSearchIndex({ search: config.searchEndpoint }),
    new CursorCodec(config.cursorSigningKey),
  );
}
