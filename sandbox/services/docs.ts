// The API's documentation (sandbox/docs): /openapi.json, whose server is the
// first REST API's local URL, and the API reference page at /docs/; and the
// demo app (sandbox/demo-app) at /, built from the typed client.
import { join } from 'node:path';
import { createDemoApp } from '../demo-app/server';
import { startDocsServer } from '../docs/server';
import type { SandboxContext, StartedService } from './contract';

export async function start(context: SandboxContext): Promise<StartedService> {
  const demoApp = await createDemoApp({
    outputsFile: join(context.directories.state, 'outputs.json'),
    buildDir: context.directories.build,
  });
  const docs = await startDocsServer({
    port: context.portOf('docs'),
    apiUrl: context.endpointOf('api'),
    demoApp,
  });
  return {
    endpoint: docs.apiReferenceUrl,
    outputs: {
      OpenApiUrl: docs.openApiUrl,
      ApiReferenceUrl: docs.apiReferenceUrl,
      DemoAppUrl: `${docs.endpoint}/`,
    },
    stop: () => docs.stop(),
  };
}
