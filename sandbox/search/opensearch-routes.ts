// The OpenSearch REST calls the search adapter and `npm run search:reindex`
// make, served beside the CloudSearch API on the same port: index create /
// exists / mapping, aliases, `_bulk`, delete by id, `_search`, `_count` and
// `_refresh`. Requests must be SigV4-signed for the `es` service, as the
// domain's IAM-only access policy requires; the signature itself is not checked.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { indexNotFound, OpenSearchError, parsingError } from './opensearch-errors';
import type { LocalIndices, WriteOperation } from './opensearch-indices';
import { engineRequestOf, fieldsShownWithoutMatch } from './opensearch-query';

type Json = Record<string, unknown>;

interface Reply {
  status: number;
  body?: unknown;
}

const SIGNED_FOR_ES = /^AWS4-HMAC-SHA256 Credential=[^/]+\/\d{8}\/[^/]+\/es\/aws4_request,/;

export async function handleOpenSearch(
  indices: LocalIndices,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  const url = new URL(request.url ?? '/', 'http://localhost');
  let reply: Reply;
  try {
    if (!SIGNED_FOR_ES.test(request.headers.authorization ?? '')) {
      reply = {
        status: 403,
        body: { message: 'Request is not signed with SigV4 for the es service' },
      };
    } else {
      reply = route(indices, request.method ?? 'GET', url.pathname, await readBody(request));
    }
  } catch (error) {
    if (!(error instanceof OpenSearchError)) throw error;
    reply = { status: error.status, body: error.body };
  }
  const json =
    request.method === 'HEAD' || reply.body === undefined ? '' : JSON.stringify(reply.body);
  response.writeHead(reply.status, {
    'Content-Type': 'application/json; charset=UTF-8',
    'Content-Length': Buffer.byteLength(json),
  });
  response.end(json);
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function jsonBody(text: string): Json {
  if (text.trim() === '') return {};
  try {
    const parsed = JSON.parse(text) as unknown;
    if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed))
      return parsed as Json;
  } catch {
    // Answered below.
  }
  throw parsingError('request body is not a JSON object');
}

function route(indices: LocalIndices, method: string, path: string, body: string): Reply {
  const parts = path
    .split('/')
    .filter((part) => part !== '')
    .map(decodeURIComponent);
  const [first = '', second, third] = parts;
  if (parts.length === 1 && first === '_bulk' && (method === 'POST' || method === 'PUT')) {
    return bulk(indices, body);
  }
  if (parts.length === 1 && first === '_aliases' && method === 'POST') {
    indices.updateAliases((jsonBody(body).actions ?? []) as { add?: Json; remove?: Json }[]);
    return { status: 200, body: { acknowledged: true } };
  }
  if (parts.length === 2 && first === '_alias' && second && method === 'GET') {
    const targets = indices.aliasTargets(second);
    if (targets.length === 0)
      return { status: 404, body: { error: `alias [${second}] missing`, status: 404 } };
    return {
      status: 200,
      body: Object.fromEntries(targets.map((index) => [index, { aliases: { [second]: {} } }])),
    };
  }
  if (first.startsWith('_'))
    throw new OpenSearchError(
      400,
      'invalid_index_name_exception',
      `Invalid index name [${first}], must not start with '_'.`,
    );
  if (parts.length === 1) return indexRoute(indices, method, first, body);
  if (parts.length === 2 && (method === 'GET' || method === 'POST')) {
    if (second === '_search') return search(indices, first, jsonBody(body));
    if (second === '_count') return count(indices, first, jsonBody(body));
    if (second === '_refresh') return refresh(indices, first);
  }
  if (parts.length === 2 && second === '_mapping' && method === 'GET') {
    return {
      status: 200,
      body: Object.fromEntries(
        indices.resolve(first).map((index) => [index.name, { mappings: index.mappings }]),
      ),
    };
  }
  if (parts.length === 3 && second === '_doc' && third && method === 'DELETE') {
    const result = indices.write({ action: 'delete', index: first, id: third });
    return { status: result.status, body: result };
  }
  return {
    status: 405,
    body: {
      error: `Incorrect HTTP method for uri [${path}] and method [${method}] (locally)`,
      status: 405,
    },
  };
}

function indexRoute(indices: LocalIndices, method: string, index: string, body: string): Reply {
  if (method === 'HEAD') return { status: indices.exists(index) ? 200 : 404 };
  if (method === 'PUT') {
    indices.create(index, jsonBody(body));
    return { status: 200, body: { acknowledged: true, shards_acknowledged: true, index } };
  }
  throw new OpenSearchError(405, 'method_not_allowed', `${method} /${index} is not served locally`);
}

function refresh(indices: LocalIndices, target: string): Reply {
  const shards = indices.resolve(target).length;
  // Documents are searchable as soon as they are written.
  return { status: 200, body: { _shards: { total: shards, successful: shards, failed: 0 } } };
}

function bulk(indices: LocalIndices, body: string): Reply {
  const started = performance.now();
  const lines = body.split('\n').filter((line) => line.trim() !== '');
  const items: Record<string, unknown>[] = [];
  for (let i = 0; i < lines.length; i++) {
    const action = jsonBody(lines[i] as string);
    const [kind, meta] = Object.entries(action)[0] ?? [];
    const spec = (meta ?? {}) as Json;
    if (kind !== 'index' && kind !== 'delete') {
      throw new OpenSearchError(
        400,
        'illegal_argument_exception',
        `Malformed action/metadata line [${i + 1}], expected index or delete locally but found [${String(kind)}]`,
      );
    }
    const operation: WriteOperation = {
      action: kind,
      index: String(spec._index ?? ''),
      id: String(spec._id ?? ''),
      ...(spec.version !== undefined && { version: Number(spec.version) }),
      ...(typeof spec.version_type === 'string' && { versionType: spec.version_type }),
      ...(kind === 'index' && { source: jsonBody(lines[++i] ?? '') }),
    };
    if (!operation.index)
      throw new OpenSearchError(
        400,
        'action_request_validation_exception',
        'Validation Failed: 1: index is missing;',
      );
    items.push({ [kind]: indices.write(operation) });
  }
  const errors = items.some((item) =>
    Object.values(item).some((result) => (result as { error?: unknown }).error),
  );
  return { status: 200, body: { took: Math.round(performance.now() - started), errors, items } };
}

function only(indices: LocalIndices, target: string) {
  const resolved = indices.resolve(target);
  if (resolved.length !== 1)
    throw new OpenSearchError(
      400,
      'illegal_argument_exception',
      `the local endpoint searches one index at a time; [${target}] has ${resolved.length}`,
    );
  return resolved[0] as NonNullable<(typeof resolved)[number]>;
}

function sourceOf(source: Json, wanted: unknown): Json | undefined {
  if (wanted === false) return undefined;
  if (!Array.isArray(wanted)) return source;
  return Object.fromEntries(Object.entries(source).filter(([field]) => wanted.includes(field)));
}

function search(indices: LocalIndices, target: string, body: Json): Reply {
  const started = performance.now();
  if (!indices.exists(target)) throw indexNotFound(target);
  const index = only(indices, target);
  const request = engineRequestOf(body);
  const result = index.engine.search(request);
  const scored = request.sort === undefined || request.sort.includes('_score');
  const withoutMatch = fieldsShownWithoutMatch(body.highlight);
  const hits = result.hits.map((hit) => {
    const highlight = Object.entries(hit.highlights ?? {}).filter(([field, text]) => {
      const options = request.highlights[field];
      return text !== '' && (text.includes(options?.pre_tag ?? '<em>') || withoutMatch.has(field));
    });
    return {
      _index: index.name,
      _id: hit.id,
      _score: scored ? Number(hit.fields._score?.[0] ?? 0) : null,
      ...(body._source !== false && {
        _source: sourceOf(index.sources.get(hit.id) ?? {}, body._source),
      }),
      ...(highlight.length > 0 && {
        highlight: Object.fromEntries(highlight.map(([field, text]) => [field, [text]])),
      }),
    };
  });
  return {
    status: 200,
    body: {
      took: Math.round(performance.now() - started),
      timed_out: false,
      _shards: { total: 1, successful: 1, skipped: 0, failed: 0 },
      hits: { total: { value: result.found, relation: 'eq' }, max_score: null, hits },
    },
  };
}

function count(indices: LocalIndices, target: string, body: Json): Reply {
  if (!indices.exists(target)) throw indexNotFound(target);
  const { found } = only(indices, target).engine.search(
    engineRequestOf({ query: body.query, size: 0 }),
  );
  return {
    status: 200,
    body: { count: found, _shards: { total: 1, successful: 1, skipped: 0, failed: 0 } },
  };
}
