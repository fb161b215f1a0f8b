// Search: the SearchIndex port, the OpenSearch and CloudSearch adapters, the stream indexer and the search API;
// the wiring of SearchIndexerFunction and SearchApiFunction is in apps/.
export { searchApiConfig, searchIndexerConfig } from '../search/search-config';
export type {
  SearchApiConfig,
  SearchEngineLocation,
  SearchIndexerConfig,
} from '../search/search-config';
export type {
  IndexChange,
  SearchHit,
  SearchIndex,
  SearchQuery,
  SearchResults,
} from '../search/search-index';
export type { SearchDocument } from '../search/search-document';
export { searchDocumentOf } from '../search/search-document';
export { SEARCH_FIELD_NAME, SEARCH_INDEX_FIELDS } from '../search/search-index-fields';
export type { SearchFieldType, SearchIndexField } from '../search/search-index-fields';
export { indexChangeOf } from '../search/dynamodb-stream-changes';
export { StreamIndexer } from '../search/dynamodb-stream-indexer';
export { CloudSearchIndex } from '../search/cloudsearch-index';
export { OpenSearchIndex } from '../search/opensearch-index';
export type { OpenSearchIndexOptions } from '../search/opensearch-index';
export { createOpenSearchClient } from '../search/opensearch-client';
export { MAPPING_VERSION, versionedIndexName } from '../search/opensearch-mappings';
export { SearchOperations } from '../search/search-operations';
export type { SearchPage } from '../search/search-operations';
export { parseSearchParameters } from '../search/search-parameters';
export type { SearchParameters } from '../search/search-parameters';
