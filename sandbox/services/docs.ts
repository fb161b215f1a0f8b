// The API's documentation (sandbox/docs): /openapi.json, whose server is the
// first REST API's local URL, and the API reference page at /docs/.
import { startDocsServer } from '../docs/server';
import type { SandboxContext, StartedService } from './contract';

export async function start(context: SandboxContext): Promise<StartedService> {
  const docs = await startDocsServer({
    port: context.portOf('docs'),
    apiUrl: context.endpointOf('api'),
  });
  return {
    endpoint: docs.apiReferenceUrl,
    outputs: { OpenApiUrl: docs.openApiUrl, ApiReferenceUrl: docs.apiReferenceUrl },
    stop: () => docs.stop(),
  };
}
