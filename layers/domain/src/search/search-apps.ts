import { CursorCodec } from '../pagination/cursor';
import { CloudSearchIndex } from './cloudsearch-index';
import { createOpenSearchClient } from './opensearch-client';
import { OpenSearchIndex } from './opensearch-index';
import type { SearchApiConfig, SearchEngineLocation, SearchIndexerConfig } from './search-config';
import type { SearchIndex } from './search-index';
import { SearchOperations } from './search-operations';
import { StreamIndexer } from './stream-indexer';

/** The adapter for the engine the template chose (SearchEngine). */
function searchIndexOf(location: SearchEngineLocation, role: 'document' | 'search'): SearchIndex {
  if (location.engine === 'cloudsearch') {
    return new CloudSearchIndex({ [role]: location.endpoint });
  }
  return new OpenSearchIndex(createOpenSearchClient(location), { alias: location.index });
}

/** SearchIndexerFunction's indexer. Call once at module scope. */
export function createSearchIndexer(config: SearchIndexerConfig): StreamIndexer {
  return new StreamIndexer(searchIndexOf(config.engine, 'document'));
}

/** SearchApiFunction's operations. Call once at module scope. */
export function createSearchApi(config: SearchApiConfig): SearchOperations {
  return new SearchOperations(
    searchIndexOf(config.engine, 'search'),
    new CursorCodec(config.cursorSigningKey),
  );
}
