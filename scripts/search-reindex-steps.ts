// What `npm run search:reindex` does, as functions a test can run against the
// local services: backfill the index of this code's mapping version from
// AppTable through the same OpenSearchIndex adapter the indexer uses, then
// move the read alias to it in one atomic `_aliases` call. The indexer writes
// every change to both indices meanwhile, and every write carries the item's
// version, so the backfill never overwrites a newer document and none is lost.
import type { Client } from '@opensearch-project/opensearch';
import { paginateScan, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import {
  aliasedIndices,
  createVersionedIndex,
  moveAlias,
} from '../layers/domain/src/search/opensearch-index-layout';
import { OpenSearchIndex } from '../layers/domain/src/search/opensearch-index';
import {
  MAPPING_VERSION,
  versionedIndexName,
} from '../layers/domain/src/search/opensearch-mappings';
import type { IndexChange } from '../layers/domain/src/search/search-index';
import { upsertOfStoredItem } from '../layers/domain/src/search/dynamodb-stream-changes';

export interface ReindexOptions {
  search: Client;
  documents: DynamoDBDocumentClient;
  tableName: string;
  alias: string;
  version?: number;
  log?: (line: string) => void;
}

export interface ReindexResult {
  index: string;
  previous: string[];
  backfilled: number;
  documents: number;
}

/** Every item of the table, as upserts, one scan page at a time. */
async function* itemChanges(documents: DynamoDBDocumentClient, tableName: string) {
  const pages = paginateScan(
    { client: documents, pageSize: 500 },
    {
      TableName: tableName,
      FilterExpression: 'entity = :item',
      ExpressionAttributeValues: { ':item': 'item' },
    },
  );
  for await (const page of pages) {
    yield (page.Items ?? [])
      .map((record) => upsertOfStoredItem(record))
      .filter((change): change is IndexChange => change !== undefined);
  }
}

export async function reindex(options: ReindexOptions): Promise<ReindexResult> {
  const log = options.log ?? (() => undefined);
  const index = versionedIndexName(options.alias, options.version ?? MAPPING_VERSION);
  await createVersionedIndex(options.search, index);
  const before = await aliasedIndices(options.search, options.alias);
  log(`Alias ${options.alias} reads ${before.join(', ') || 'nothing yet'}; backfilling ${index}.`);
  const target = new OpenSearchIndex(options.search, {
    alias: options.alias,
    writeIndices: [index],
  });
  let backfilled = 0;
  for await (const changes of itemChanges(options.documents, options.tableName)) {
    await target.apply(changes);
    backfilled += changes.length;
    if (changes.length > 0) log(`  ${backfilled} items`);
  }
  await options.search.indices.refresh({ index });
  const { body } = await options.search.count({ index });
  const previous = await moveAlias(options.search, options.alias, index);
  log(`Alias ${options.alias} now reads ${index} (${body.count} documents).`);
  return { index, previous, backfilled, documents: body.count };
}
