// The local search endpoint (sandbox/search): CloudSearch's document and
// search API and the OpenSearch REST subset on one server; its indices are
// rebuilt from the table's stream at each start. The template's OpenSearch
// domain resolves to it, and its `https://` URLs become plain HTTP.
import { localizeOpenSearchUrls, openSearchDomainResources } from '../search/opensearch-domains';
import { localSearchParameters } from '../search/search-parameters';
import { startSearchServer } from '../search/search-server';
import type { SandboxContext, StartedService } from './contract';

export async function start(context: SandboxContext): Promise<StartedService> {
  const search = await startSearchServer({ port: context.portOf('search') });
  return {
    endpoint: search.endpoint,
    environment: { AWS_ENDPOINT_URL_CLOUDSEARCH_DOMAIN: search.endpoint },
    outputs: { SearchEndpoint: search.endpoint },
    // `!GetAtt SearchDomain.DomainEndpoint` and its ARNs name this endpoint.
    resources: openSearchDomainResources(context.model, search.endpoint, context.pseudo),
    // The CloudSearch domain's endpoint parameters point here, whatever was passed.
    parameters: localSearchParameters(context.model.parameters, search.endpoint),
    localize: (values) => localizeOpenSearchUrls(values, search.endpoint),
    stop: () => search.stop(),
  };
}
