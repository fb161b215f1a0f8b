// The API's documentation, locally: GET /openapi.json (the document of
// layers/domain/src/contract, its server the local REST API) and the API
// reference page at /docs/ (swagger-ui from the installed swagger-ui-dist
// package: nothing comes from the network).
import { readFileSync } from 'node:fs';
import { createServer, type ServerResponse } from 'node:http';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openApiDocument } from '../../layers/domain/src/contract/openapi-document';
import type { DemoApp } from '../demo-app/server';
import type { RunningService } from '../processes';
import { closeServer, listen } from '../runtime/listen';

export interface DocsServer extends RunningService {
  openApiUrl: string;
  apiReferenceUrl: string;
}

const swaggerUiDir = dirname(
  createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'),
);

/** The files of the page, by their name under /docs/; nothing else is served. */
const PAGE_FILES: Record<string, { path: string; type: string }> = {
  '': {
    path: fileURLToPath(new URL('./api-reference.html', import.meta.url)),
    type: 'text/html; charset=utf-8',
  },
  'swagger-ui.css': { path: join(swaggerUiDir, 'swagger-ui.css'), type: 'text/css' },
  'swagger-ui-bundle.js': {
    path: join(swaggerUiDir, 'swagger-ui-bundle.js'),
    type: 'text/javascript',
  },
  'swagger-ui-standalone-preset.js': {
    path: join(swaggerUiDir, 'swagger-ui-standalone-preset.js'),
    type: 'text/javascript',
  },
  'favicon-32x32.png': { path: join(swaggerUiDir, 'favicon-32x32.png'), type: 'image/png' },
};

function send(response: ServerResponse, status: number, type: string, body: string | Buffer) {
  response.writeHead(status, { 'Content-Type': type, 'Content-Length': Buffer.byteLength(body) });
  response.end(body);
}

export async function startDocsServer(options: {
  port: number;
  /** The REST API's base URL, stage included: the document's server. */
  apiUrl: string;
  /** Served at `/` (and its own paths); without it `/` leads to the reference page. */
  demoApp?: DemoApp;
}): Promise<DocsServer> {
  // Built on the first request for it, not while the sandbox starts: most starts never serve it.
  let document: string | undefined;
  const openApiJson = () =>
    (document ??= JSON.stringify(openApiDocument({ serverUrl: options.apiUrl }), null, 2));
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://docs').pathname;
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return send(response, 405, 'text/plain', 'GET only\n');
    }
    if (path === '/openapi.json') return send(response, 200, 'application/json', openApiJson());
    if (options.demoApp?.handle(path, request, response)) return;
    if (path === '/' || path === '/docs') {
      response.writeHead(302, { Location: '/docs/' }).end();
      return;
    }
    const file = path.startsWith('/docs/') ? PAGE_FILES[path.slice('/docs/'.length)] : undefined;
    if (!file) return send(response, 404, 'text/plain', 'Not found\n');
    return send(response, 200, file.type, readFileSync(file.path));
  });
  // Internal, like every service a phone does not talk to: loopback only.
  const endpoint = await listen(server, options.port, '127.0.0.1', 'API docs');
  return {
    endpoint,
    openApiUrl: `${endpoint}/openapi.json`,
    apiReferenceUrl: `${endpoint}/docs/`,
    stop: () => closeServer(server),
  };
}
