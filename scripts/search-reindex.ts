// `npm run search:reindex -- --endpoint https://<SearchDomainEndpoint> [--table AppTable-name]`:
// after a deploy that raised MAPPING_VERSION (or switched from CloudSearch),
// fills the new OpenSearch index from AppTable and points the read alias at
// it (scripts/search-reindex-steps.ts). Idempotent: run it again at any time.
// It talks to AWS with your credentials: tests run its steps locally instead.
import { parseArgs } from 'node:util';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { createDocumentClient } from '../layers/domain/src/dynamodb';
import { createOpenSearchClient } from '../layers/domain/src/search/opensearch-client';
import { reindex } from './search-reindex-steps';

const { values } = parseArgs({
  options: {
    endpoint: { type: 'string' },
    table: { type: 'string' },
    alias: { type: 'string', default: 'items' },
    region: { type: 'string', default: process.env.AWS_REGION ?? 'us-east-1' },
  },
});
if (!values.endpoint || !values.table) {
  console.error(
    'usage: npm run search:reindex -- --endpoint <SearchDomainEndpoint output> --table <AppTableName output>',
  );
  process.exit(2);
}

const dynamodb = new DynamoDBClient({ region: values.region });
const result = await reindex({
  search: createOpenSearchClient({ endpoint: values.endpoint, region: values.region }),
  documents: createDocumentClient(dynamodb),
  tableName: values.table,
  alias: values.alias,
  log: console.log,
});
const older = result.previous.filter((name) => name !== result.index);
if (older.length > 0) {
  console.log(
    `${older.join(', ')} no longer read. Indexers started before the deploy still write to it: delete it after the next deploy.`,
  );
}
dynamodb.destroy();
