import { CloudSearchIndex } from '../../search/cloudsearch-index';
import { createOpenSearchClient } from '../../search/opensearch-client';
import { OpenSearchIndex } from '../../search/opensearch-index';
import type { SearchEngineLocation } from '../../search/search-config';
import type { SearchIndex } from '../../search/search-index';

/**
 * The adapter for the engine the template chose (SearchEngine): the indexer
 * writes documents, the API searches them.
 */
export function searchIndexOf(
  location: SearchEngineLocation,
  role: 'document' | 'search',
): SearchIndex {
  if (location.engine === 'cloudsearch') {
    return new CloudSearchIndex({ [role]: location.endpoint });
  }
  return new OpenSearchIndex(createOpenSearchClient(location), { alias: location.index });
}
