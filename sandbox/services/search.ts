// A CloudSearch-compatible endpoint (sandbox/search); its index is rebuilt
// from the table's stream at each start.
import { localSearchParameters } from '../search/search-parameters';
import { startSearchServer } from '../search/search-server';
import type { SandboxContext, StartedService } from './contract';

export async function start(context: SandboxContext): Promise<StartedService> {
  const search = await startSearchServer({ port: context.portOf('search') });
  return {
    endpoint: search.endpoint,
    environment: { AWS_ENDPOINT_URL_CLOUDSEARCH_DOMAIN: search.endpoint },
    outputs: { SearchEndpoint: search.endpoint },
    // The domain's endpoint parameters point at this endpoint, whatever was passed.
    parameters: localSearchParameters(context.model.parameters, search.endpoint),
    stop: () => search.stop(),
  };
}
