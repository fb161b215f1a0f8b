import { randomUUID } from 'node:crypto';
import { createDocumentClient, createDynamoDbClient } from '../../../layers/domain/src/dynamodb';
import { DynamoDbItemStore } from '../../../layers/domain/src/items/dynamodb-item-store';
import type { Item } from '../../../layers/domain/src/items/item';
import { createOpenSearchClient } from '../../../layers/domain/src/search/opensearch-client';
import { OpenSearchIndex } from '../../../layers/domain/src/search/opensearch-index';
import { createVersionedIndex } from '../../../layers/domain/src/search/opensearch-index-layout';
import { searchDocumentOf } from '../../../layers/domain/src/search/search-document';
import { startSearchServer, type SearchServer } from '../../../sandbox/search/search-server';
import { reindex } from '../../../scripts/search-reindex-steps';
import { anItem } from '../domain/stores';

// `npm run search:reindex` against DynamoDB Local and the local OpenSearch
// endpoint: the items the indexer wrote under mapping version 1 move to
// version 2 behind the alias, with nothing lost and nothing regressed.

const documents = createDocumentClient(createDynamoDbClient());
const tableName = process.env.APP_TABLE_NAME ?? '';
const store = new DynamoDbItemStore(documents, tableName);
let server: SearchServer;

beforeAll(async () => {
  server = await startSearchServer({ port: 0 });
});

afterAll(async () => {
  await server.stop();
});

const word = () => `w${randomUUID().replaceAll('-', '')}`;

function item(title: string): Item {
  const id = `R${randomUUID().replaceAll('-', '').slice(0, 25).toUpperCase()}`;
  return anItem(id, 'reindex-test', { title, visibility: 'public' });
}

it('backfills the new version from the table and moves the alias, keeping newer documents', async () => {
  const client = createOpenSearchClient({ endpoint: server.endpoint, region: 'us-east-1' });
  const [kept, renamed, deleted, newest] = [item(word()), item(word()), item(word()), item(word())];
  const renamedLater = { ...renamed, title: word(), version: 2 };
  for (const each of [kept, renamed, deleted, newest]) await store.create(each);
  await store.putIfVersion(renamedLater, 1);
  await store.deleteIfVersion(deleted.id, 1);
  // What the indexer of mapping version 1 wrote, and, during the backfill, a change the scan
  // read too early: the indexer already wrote version 2 to both indices.
  const indexer = new OpenSearchIndex(client, { alias: 'items' });
  await indexer.apply(
    [kept, renamed, deleted].map((each) => ({ type: 'upsert', document: searchDocumentOf(each) })),
  );
  const newer = { ...newest, title: word(), version: 2 };
  await createVersionedIndex(client, 'items-v2');
  await new OpenSearchIndex(client, {
    alias: 'items',
    writeIndices: ['items-v1', 'items-v2'],
  }).apply([{ type: 'upsert', document: searchDocumentOf(newer) }]);

  const result = await reindex({
    search: client,
    documents,
    tableName,
    alias: 'items',
    version: 2,
  });

  const found = async (text: string) =>
    (await indexer.search({ viewerId: 'v', text, tags: [], size: 10, start: 0 })).hits.map(
      (hit) => hit.id,
    );
  expect(result).toMatchObject({ index: 'items-v2', previous: ['items-v1'] });
  expect(server.indices.aliasTargets('items')).toEqual(['items-v2']);
  expect(await found(kept.title)).toEqual([kept.id]);
  expect(await found(renamedLater.title)).toEqual([renamed.id]);
  expect(await found(renamed.title)).toEqual([]);
  expect(await found(deleted.title)).toEqual([]);
  expect(await found(newer.title)).toEqual([newest.id]);
});
