// The local S3 endpoint (AWS_ENDPOINT_URL_S3), in front of fauxqs: what real
// S3 does and fauxqs does not. It refuses unsigned requests (the buckets are
// private), checks SigV4 signatures and presigned-URL expiry, honours
// `If-None-Match: *` on PUT, answers CORS from the bucket's CorsConfiguration,
// lists object versions, stores objects above fauxqs's 11 MiB body limit in
// parts, keeps a copy of each object in the archive, and reports object
// creations and deletions for event notifications. Path-style URLs only.
// This file routes; each step has its own module.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { readBody } from '../http/read-body';
import { s3Line } from '../runtime/access-lines';
import { closeServer, listen } from '../runtime/listen';
import { S3BackendError, type Backend } from './backend';
import type { CorsRule } from './buckets';
import { answerPreflight, corsResponseHeaders } from './cors';
import { s3ErrorSent, sendS3Error } from './error-response';
import type { ObjectEvent } from './event-notifications';
import { isListVersions, listVersions } from './list-versions';
import type { ObjectArchive } from './object-archive';
import { recordObjectChanges } from './object-changes';
import { headerOf, isObjectPut, metadataOf, parseS3Request, type S3Request } from './request';
import { refuseContentMismatch, refuseUnsigned, type SecretKeys } from './signature-check';

export interface S3FrontOptions {
  port: number;
  host?: string;
  backend: Backend;
  secrets: SecretKeys;
  archive: ObjectArchive;
  corsOf: (bucket: string) => CorsRule[];
  onObjectEvent: (event: ObjectEvent) => void;
  log: (line: string) => void;
  /** The line per request (method, bucket and key, status, S3's error); `log` unless given. */
  accessLog?: (line: string) => void;
}

export interface S3Front {
  url: string;
  close(): Promise<void>;
}

const MAX_BODY_BYTES = 256 * 1024 * 1024;
const hopByHop = new Set([
  'connection',
  'keep-alive',
  'transfer-encoding',
  'content-encoding',
  'host',
  'content-length',
  'expect',
]);

export async function startS3Front(options: S3FrontOptions): Promise<S3Front> {
  const server = createServer((request, response) => {
    logWhenAnswered(options, request, response);
    handle(options, request, response).catch((error: unknown) => {
      if (response.headersSent) {
        response.destroy();
      } else if (error instanceof S3BackendError) {
        // The backend's own S3 error (NoSuchBucket, NoSuchKey, ...), under S3's code.
        sendS3Error(response, error.status, error.code, error.detail);
      } else {
        options.log(
          `[s3] ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
        );
        sendS3Error(
          response,
          500,
          'InternalError',
          'We encountered an internal error. Please try again.',
        );
      }
    });
  });
  const url = await listen(server, options.port, options.host ?? '127.0.0.1', 'S3 endpoint');
  return { url, close: () => closeServer(server) };
}

/** One line per request once answered: method, bucket and key, status, and S3's error if any. */
function logWhenAnswered(
  options: S3FrontOptions,
  request: IncomingMessage,
  response: ServerResponse,
): void {
  const started = performance.now();
  const log = options.accessLog ?? options.log;
  response.once('finish', () => {
    const path = (request.url ?? '/').split('?')[0] ?? '/';
    log(
      s3Line(
        {
          method: request.method ?? 'GET',
          path,
          status: response.statusCode,
          error: s3ErrorSent(response),
        },
        { durationMs: performance.now() - started },
      ),
    );
  });
}

async function handle(
  options: S3FrontOptions,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  const parsed = parseS3Request(request);
  if (parsed.method === 'OPTIONS') {
    answerPreflight(request, response, options.corsOf(parsed.bucket));
    return;
  }
  const unsigned = await refuseUnsigned(parsed, request, options.secrets);
  if (unsigned) {
    sendS3Error(response, unsigned.status, unsigned.code, unsigned.message);
    return;
  }
  const body = await readBody(request, MAX_BODY_BYTES);
  if (!body) {
    sendS3Error(
      response,
      400,
      'EntityTooLarge',
      'Your proposed upload exceeds the maximum allowed size (local limit 256 MiB).',
    );
    return;
  }
  const mismatch = refuseContentMismatch(request, body);
  if (mismatch) {
    sendS3Error(response, mismatch.status, mismatch.code, mismatch.message);
    return;
  }
  if (isListVersions(parsed)) {
    await listVersions(options.backend, parsed, response);
    return;
  }
  if (await refusesOverwrite(options.backend, parsed, request)) {
    sendS3Error(
      response,
      412,
      'PreconditionFailed',
      'At least one of the pre-conditions you specified did not hold',
      { 'Content-Length': '0' },
    );
    return;
  }
  const result = await store(options.backend, parsed, request, body);
  await relay(result, parsed, request, response, options.corsOf(parsed.bucket));
  if (result.ok) {
    await recordObjectChanges(options, parsed, request, body, result).catch((error: unknown) =>
      options.log(`[s3] after ${parsed.method} ${parsed.bucket}/${parsed.key}: ${String(error)}`),
    );
  }
}

/** `If-None-Match: *` on a PUT of a key that exists. */
async function refusesOverwrite(
  backend: Backend,
  parsed: S3Request,
  request: IncomingMessage,
): Promise<boolean> {
  return (
    isObjectPut(parsed, request) &&
    headerOf(request, 'if-none-match') === '*' &&
    (await backend.exists(parsed.bucket, parsed.key))
  );
}

/** Object bodies go through the backend's put (parts above fauxqs's limit); the rest as it came. */
function store(
  backend: Backend,
  parsed: S3Request,
  request: IncomingMessage,
  body: Buffer,
): Promise<Response> {
  if (isObjectPut(parsed, request)) {
    return backend.put(parsed.bucket, parsed.key, {
      body,
      contentType: headerOf(request, 'content-type') ?? 'application/octet-stream',
      metadata: metadataOf(request),
    });
  }
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) {
    if (value !== undefined && !hopByHop.has(name))
      headers[name] = Array.isArray(value) ? value.join(',') : value;
  }
  const hasBody = parsed.method !== 'GET' && parsed.method !== 'HEAD';
  return backend.call(`${parsed.rawPath}${parsed.rawQuery ? `?${parsed.rawQuery}` : ''}`, {
    method: parsed.method,
    headers,
    ...(hasBody && { body }),
  });
}

/** The backend's answer to the client, with the bucket's CORS headers. */
async function relay(
  result: Response,
  parsed: S3Request,
  request: IncomingMessage,
  response: ServerResponse,
  corsRules: CorsRule[],
): Promise<void> {
  const payload = Buffer.from(await result.arrayBuffer());
  const headers: Record<string, string> = { ...corsResponseHeaders(request, corsRules) };
  result.headers.forEach((value, name) => {
    if (!hopByHop.has(name) || name === 'content-length') headers[name] = value;
  });
  if (parsed.method !== 'HEAD') headers['content-length'] = String(payload.length);
  response.writeHead(result.status, headers);
  response.end(parsed.method === 'HEAD' ? undefined : payload);
}
