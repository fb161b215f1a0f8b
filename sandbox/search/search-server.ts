// The local search engine's endpoint on loopback. Under /2013-01-01/: a
// CloudSearch domain, for exactly the requests @aws-sdk/client-cloudsearch-domain
// makes (documents batch upload and search); both the document and the search
// endpoint are this one server. Every other path: the OpenSearch REST subset
// of opensearch-routes.ts, with its own indices. The engines outlive the
// server, so a test can take the endpoint down and bring it back (`stop`,
// then start again with the same engine and indices).
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { SEARCH_INDEX_FIELDS } from '../../layers/domain/src/search/search-index-fields';
import { closeServer, listen } from '../runtime/listen';
import { LocalIndices } from './opensearch-indices';
import { handleOpenSearch } from './opensearch-routes';
import {
  DocumentError,
  QuerySyntaxError,
  SearchEngine,
  type BatchOperation,
  type EngineSearchRequest,
} from './search-engine';

export interface SearchServer {
  endpoint: string;
  /** The CloudSearch domain's documents. */
  engine: SearchEngine;
  /** The OpenSearch indices and aliases. */
  indices: LocalIndices;
  stop(): Promise<void>;
}

/** CloudSearch's limit on one documents batch. */
const MAX_BATCH_BYTES = 5 * 1024 * 1024;

export function createSearchEngine(): SearchEngine {
  return new SearchEngine(SEARCH_INDEX_FIELDS);
}

export async function startSearchServer(options: {
  port: number;
  host?: string;
  engine?: SearchEngine;
  indices?: LocalIndices;
}): Promise<SearchServer> {
  const engine = options.engine ?? createSearchEngine();
  const indices = options.indices ?? new LocalIndices();
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const handled = url.pathname.startsWith('/2013-01-01/')
      ? handle(engine, request, response)
      : handleOpenSearch(indices, request, response);
    handled.catch((error: unknown) => {
      reply(
        response,
        500,
        { message: error instanceof Error ? error.message : String(error) },
        'InternalError',
      );
    });
  });
  const endpoint = await listen(
    server,
    options.port,
    options.host ?? '127.0.0.1',
    'Search endpoint',
  );
  return { endpoint, engine, indices, stop: () => closeServer(server) };
}

async function handle(
  engine: SearchEngine,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  const url = new URL(request.url ?? '/', 'http://localhost');
  if (url.pathname === '/2013-01-01/documents/batch' && request.method === 'POST') {
    await uploadDocuments(engine, request, response);
  } else if (url.pathname === '/2013-01-01/search' && request.method === 'GET') {
    search(engine, url.searchParams, response);
  } else {
    reply(
      response,
      404,
      { message: `No such resource: ${request.method} ${url.pathname}` },
      'ResourceNotFound',
    );
  }
}

function reply(response: ServerResponse, status: number, body: unknown, errorType?: string): void {
  const json = JSON.stringify(errorType ? { ...(body as object), __type: errorType } : body);
  response.writeHead(status, {
    'Content-Type': 'application/json',
    'Content-Length': Buffer.byteLength(json),
    ...(errorType && { 'x-amzn-errortype': errorType }),
  });
  response.end(json);
}

async function readBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

async function uploadDocuments(
  engine: SearchEngine,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  const body = await readBody(request);
  const documentError = (message: string) =>
    reply(
      response,
      400,
      { status: 'error', message, errors: [{ message }] },
      'DocumentServiceException',
    );
  if (body.length > MAX_BATCH_BYTES) return documentError('Request size exceeded 5242880 bytes');
  let operations: unknown;
  try {
    operations = JSON.parse(body.toString('utf8'));
  } catch {
    return documentError('Encountered unexpected end of file or invalid JSON');
  }
  if (!Array.isArray(operations)) return documentError('A batch must be a JSON array');
  try {
    const { adds, deletes } = engine.apply(operations as BatchOperation[]);
    reply(response, 200, { status: 'success', adds, deletes, warnings: [] });
  } catch (error) {
    if (error instanceof DocumentError) return documentError(error.message);
    throw error;
  }
}

function jsonParameter<T>(value: string | null, name: string): T | undefined {
  if (value === null || value === '') return undefined;
  try {
    return JSON.parse(value) as T;
  } catch {
    throw new QuerySyntaxError(`${name} is not valid JSON`);
  }
}

function integer(value: string | null, fallback: number, name: string): number {
  if (value === null || value === '') return fallback;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 0)
    throw new QuerySyntaxError(`${name} must be a non-negative integer`);
  return parsed;
}

function search(engine: SearchEngine, parameters: URLSearchParams, response: ServerResponse): void {
  const started = performance.now();
  try {
    const parser = parameters.get('q.parser') ?? 'simple';
    if (parser !== 'simple' && parser !== 'structured') {
      throw new QuerySyntaxError(`q.parser ${parser} is not supported by the local endpoint`);
    }
    const q = parameters.get('q');
    if (q === null) throw new QuerySyntaxError('q is required');
    const request: EngineSearchRequest = {
      q,
      parser,
      queryOptions: jsonParameter(parameters.get('q.options'), 'q.options') ?? {},
      fq: parameters.get('fq') ?? undefined,
      sort: parameters.get('sort') ?? undefined,
      size: integer(parameters.get('size'), 10, 'size'),
      start: integer(parameters.get('start'), 0, 'start'),
      returnFields: (parameters.get('return') ?? '_all_fields')
        .split(',')
        .map((name) => name.trim())
        .filter((name) => name !== '' && name !== '_no_fields'),
      highlights: jsonParameter(parameters.get('highlight'), 'highlight') ?? {},
    };
    if (request.start + request.size > 10_000) {
      throw new QuerySyntaxError(
        'start + size must not exceed 10000; use a cursor for deep paging',
      );
    }
    const result = engine.search(request);
    reply(response, 200, {
      status: { rid: randomUUID(), timems: Math.round(performance.now() - started) },
      hits: { found: result.found, start: result.start, hit: result.hits },
    });
  } catch (error) {
    if (error instanceof QuerySyntaxError) {
      reply(
        response,
        400,
        { message: `Syntax error in query: ${error.message}` },
        'SearchException',
      );
      return;
    }
    throw error;
  }
}
