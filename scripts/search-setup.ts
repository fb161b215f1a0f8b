// `npm run search:setup [-- --domain NAME]`: creates the CloudSearch domain
// and its index fields (both idempotent: run it again after changing
// layers/domain/src/search/search-index-fields.ts), re-indexes when a field
// changed, waits for the endpoints and prints the `sam deploy` parameters.
// It talks to AWS with your credentials: tests never run it.
import { parseArgs } from 'node:util';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  CloudSearchClient,
  CreateDomainCommand,
  DefineIndexFieldCommand,
  DescribeDomainsCommand,
  DescribeIndexFieldsCommand,
  IndexDocumentsCommand,
} from '@aws-sdk/client-cloudsearch';
import { indexFieldDefinitions } from './search-index-definitions';

const { values } = parseArgs({
  options: { domain: { type: 'string', default: 'mobile-backend-items' } },
});
const domain = values.domain;
const client = new CloudSearchClient({});

await client.send(new CreateDomainCommand({ DomainName: domain }));
console.log(`Domain ${domain}: created or already there.`);

const { IndexFields: existing = [] } = await client.send(
  new DescribeIndexFieldsCommand({ DomainName: domain }),
);
let changed = false;
for (const field of indexFieldDefinitions()) {
  const current = existing.find((f) => f.Options?.IndexFieldName === field.IndexFieldName);
  if (current && JSON.stringify(current.Options) === JSON.stringify(field)) continue;
  await client.send(new DefineIndexFieldCommand({ DomainName: domain, IndexField: field }));
  console.log(`Index field ${field.IndexFieldName} (${field.IndexFieldType}) defined.`);
  changed = true;
}
if (changed) {
  await client.send(new IndexDocumentsCommand({ DomainName: domain }));
  console.log('Re-indexing started for the changed fields.');
}

console.log('Waiting for the endpoints (a new domain takes about 10 minutes) ...');
for (;;) {
  const { DomainStatusList = [] } = await client.send(
    new DescribeDomainsCommand({ DomainNames: [domain] }),
  );
  const status = DomainStatusList[0];
  const documentEndpoint = status?.DocService?.Endpoint;
  const searchEndpoint = status?.SearchService?.Endpoint;
  if (documentEndpoint && searchEndpoint && status?.Processing === false) {
    console.log(`
Deploy with:
  sam deploy --parameter-overrides SearchEngine=cloudsearch SearchDomainName=${domain} SearchDocumentEndpoint=${documentEndpoint} SearchQueryEndpoint=${searchEndpoint}`);
    break;
  }
  await sleep(30_000);
}
