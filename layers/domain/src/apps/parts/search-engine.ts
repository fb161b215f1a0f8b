import type { SearchEngineLocation } from '../../search/search-config';
import type { SearchIndex } from '../../search/search-index';
import { onFirstUse } from './on-first-use';

/**
 * The adapter for the engine the template chose (SearchEngine): the indexer
 * writes documents, the API searches them. It is loaded on first use, so a
 * cold start loads one engine's client, never both.
 */
export function searchIndexOf(
  location: SearchEngineLocation,
  role: 'document' | 'search',
): SearchIndex {
  return onFirstUse<SearchIndex>(() => engineIndexOf(location, role), {
    apply: true,
    search: true,
  });
}

async function engineIndexOf(
  location: SearchEngineLocation,
  role: 'document' | 'search',
): Promise<SearchIndex> {
  if (location.engine === 'cloudsearch') {
    const { CloudSearchIndex } = await import('../../search/cloudsearch-index');
    return new CloudSearchIndex({ [role]: location.endpoint });
  }
  const [{ createOpenSearchClient }, { OpenSearchIndex }] = await Promise.all([
    import('../../search/opensearch-client'),
    import('../../search/opensearch-index'),
  ]);
  return new OpenSearchIndex(createOpenSearchClient(location), { alias: location.index });
}
