// The OpenSearch index behind the search API. Documents are written to a
// concrete index named with MAPPING_VERSION (`items-v1`) and read through an
// alias (`items`): a changed mapping gets a new version, the indexer writes to
// both indices while `npm run search:reindex` backfills the new one, and the
// alias then moves atomically, so no search ever sees a half-filled index.

/** Raise it whenever INDEX_MAPPINGS or INDEX_SETTINGS change. */
export const MAPPING_VERSION = 1;

/** `items` → `items-v1`. */
export function versionedIndexName(alias: string, version = MAPPING_VERSION): string {
  return `${alias}-v${version}`;
}

/** The mapping version of a concrete index name, or undefined for another name. */
export function mappingVersionOf(alias: string, index: string): number | undefined {
  const match = new RegExp(`^${alias.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}-v(\\d+)$`).exec(index);
  return match ? Number(match[1]) : undefined;
}

// One shard: a startup's item count fits one comfortably; no replicas on a one-node domain.
export const INDEX_SETTINGS = { number_of_shards: 1, number_of_replicas: 0 };

/**
 * The same fields as the CloudSearch domain (search-index-fields.ts), typed
 * for OpenSearch: literals are keywords (exact filters), tags are keywords
 * with a text sub-field that `q` searches, and `item_id` repeats the
 * document id as a keyword so that equal sort keys break ties the same way
 * on every page (sorting on `_id` itself is disabled in OpenSearch).
 */
export const INDEX_MAPPINGS = {
  dynamic: 'strict',
  properties: {
    item_id: { type: 'keyword' },
    owner_id: { type: 'keyword' },
    visibility: { type: 'keyword' },
    title: { type: 'text' },
    body: { type: 'text' },
    tags: { type: 'keyword', fields: { text: { type: 'text' } } },
    created_at: { type: 'date' },
    updated_at: { type: 'date' },
    version: { type: 'long' },
  },
} as const;
