// The local S3 endpoint (AWS_ENDPOINT_URL_S3), in front of fauxqs: what real
// S3 does and fauxqs does not. It refuses unsigned requests (the buckets are
// private), checks SigV4 signatures and presigned-URL expiry, honours
// `If-None-Match: *` on PUT, answers CORS from the bucket's CorsConfiguration,
// lists object versions, stores objects above fauxqs's 11 MiB body limit in
// parts, keeps a copy of each object in the archive, and reports object
// creations and deletions for event notifications. Path-style URLs only.
import { createHash, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { closeServer, listen } from '../runtime/listen';
import type { Backend } from './backend';
import type { CorsRule } from './buckets';
import type { ObjectEvent } from './event-notifications';
import type { ObjectArchive } from './object-archive';
import { isSigned, verifySigV4 } from './sigv4';
import { s3ErrorXml, xmlEscape, xmlValues } from './xml';
import { readBody } from '../http/read-body';

export interface S3FrontOptions {
  port: number;
  host?: string;
  backend: Backend;
  /** Access key id → secret access key. */
  secrets: Record<string, string>;
  archive: ObjectArchive;
  corsOf: (bucket: string) => CorsRule[];
  onObjectEvent: (event: ObjectEvent) => void;
  log: (line: string) => void;
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

interface ParsedRequest {
  method: string;
  rawPath: string;
  rawQuery: string;
  query: URLSearchParams;
  bucket: string;
  key: string;
}

function parse(request: IncomingMessage): ParsedRequest {
  const raw = request.url ?? '/';
  const at = raw.indexOf('?');
  const rawPath = at === -1 ? raw : raw.slice(0, at);
  const rawQuery = at === -1 ? '' : raw.slice(at + 1);
  const [, bucket = '', ...key] = rawPath.split('/');
  return {
    method: request.method ?? 'GET',
    rawPath,
    rawQuery,
    query: new URLSearchParams(rawQuery),
    bucket: decodeURIComponent(bucket),
    key: key.map(decodeURIComponent).join('/'),
  };
}

function header(request: IncomingMessage, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value.join(',') : value;
}

function metadataOf(request: IncomingMessage): Record<string, string> {
  const metadata: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) {
    if (name.startsWith('x-amz-meta-') && value !== undefined) {
      metadata[name.slice('x-amz-meta-'.length)] = String(value);
    }
  }
  return metadata;
}

function matchingCorsRule(
  rules: CorsRule[],
  origin: string,
  method: string,
  headers: string[],
): CorsRule | undefined {
  return rules.find(
    (rule) =>
      (rule.allowedOrigins.includes('*') || rule.allowedOrigins.includes(origin)) &&
      rule.allowedMethods.includes(method) &&
      headers.every(
        (name) => rule.allowedHeaders.includes('*') || rule.allowedHeaders.includes(name),
      ),
  );
}

export async function startS3Front(options: S3FrontOptions): Promise<S3Front> {
  const { backend, archive } = options;

  function sendError(
    response: ServerResponse,
    status: number,
    code: string,
    message: string,
    extra: Record<string, string> = {},
  ): void {
    const requestId = randomBytes(8).toString('hex').toUpperCase();
    response.writeHead(status, {
      'Content-Type': 'application/xml',
      'x-amz-request-id': requestId,
      ...extra,
    });
    response.end(s3ErrorXml(code, message, requestId));
  }

  function preflight(request: IncomingMessage, response: ServerResponse, bucket: string): void {
    const origin = header(request, 'origin') ?? '';
    const method = header(request, 'access-control-request-method') ?? '';
    const headers = (header(request, 'access-control-request-headers') ?? '')
      .split(',')
      .map((name) => name.trim().toLowerCase())
      .filter((name) => name !== '');
    const rule = matchingCorsRule(options.corsOf(bucket), origin, method, headers);
    if (!rule) {
      sendError(
        response,
        403,
        'AccessForbidden',
        'CORSResponse: This CORS request is not allowed.',
      );
      return;
    }
    response.writeHead(200, {
      'Access-Control-Allow-Origin': rule.allowedOrigins.includes('*') ? '*' : origin,
      'Access-Control-Allow-Methods': rule.allowedMethods.join(', '),
      ...(headers.length > 0 && { 'Access-Control-Allow-Headers': headers.join(', ') }),
      ...(rule.exposedHeaders.length > 0 && {
        'Access-Control-Expose-Headers': rule.exposedHeaders.join(', '),
      }),
      ...(rule.maxAge !== undefined && { 'Access-Control-Max-Age': String(rule.maxAge) }),
      Vary: 'Origin, Access-Control-Request-Headers, Access-Control-Request-Method',
    });
    response.end();
  }

  function corsHeaders(request: IncomingMessage, bucket: string): Record<string, string> {
    const origin = header(request, 'origin');
    if (!origin) return {};
    const rule = matchingCorsRule(options.corsOf(bucket), origin, request.method ?? 'GET', []);
    if (!rule) return {};
    return {
      'Access-Control-Allow-Origin': rule.allowedOrigins.includes('*') ? '*' : origin,
      ...(rule.exposedHeaders.length > 0 && {
        'Access-Control-Expose-Headers': rule.exposedHeaders.join(', '),
      }),
    };
  }

  /** ListObjectVersions: fauxqs keeps no versions, so each current object is its only (`null`) version. */
  async function listVersions(parsed: ParsedRequest, response: ServerResponse): Promise<void> {
    const prefix = parsed.query.get('prefix') ?? '';
    const keyMarker = parsed.query.get('key-marker') ?? '';
    const maxKeys = Math.min(Number(parsed.query.get('max-keys') ?? 1000) || 1000, 1000);
    const page = await backend.list(parsed.bucket, prefix, keyMarker, maxKeys);
    const last = page.objects.at(-1)?.key ?? '';
    const versions = page.objects
      .map(
        (object) =>
          `<Version><Key>${xmlEscape(object.key)}</Key><VersionId>null</VersionId><IsLatest>true</IsLatest><LastModified>${object.lastModified}</LastModified><ETag>${xmlEscape(object.eTag)}</ETag><Size>${object.size}</Size><StorageClass>STANDARD</StorageClass></Version>`,
      )
      .join('');
    response.writeHead(200, { 'Content-Type': 'application/xml' });
    response.end(
      `<?xml version="1.0" encoding="UTF-8"?>\n<ListVersionsResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Name>${xmlEscape(parsed.bucket)}</Name><Prefix>${xmlEscape(prefix)}</Prefix><KeyMarker>${xmlEscape(keyMarker)}</KeyMarker><VersionIdMarker></VersionIdMarker><MaxKeys>${maxKeys}</MaxKeys><IsTruncated>${page.truncated}</IsTruncated>${page.truncated ? `<NextKeyMarker>${xmlEscape(last)}</NextKeyMarker><NextVersionIdMarker>null</NextVersionIdMarker>` : ''}${versions}</ListVersionsResult>`,
    );
  }

  async function forward(
    parsed: ParsedRequest,
    request: IncomingMessage,
    body: Buffer,
  ): Promise<Response> {
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

  async function afterSuccess(
    parsed: ParsedRequest,
    request: IncomingMessage,
    body: Buffer,
    result: Response,
  ): Promise<void> {
    const { bucket, key, method, query } = parsed;
    const sourceIp = request.socket.remoteAddress;
    const copySource = header(request, 'x-amz-copy-source');
    const created = async (eventName: string): Promise<void> => {
      const stored = await backend.get(bucket, key);
      if (!stored) return;
      archive.save({ bucket, key, ...stored });
      const eTag = `"${createHash('md5').update(stored.body).digest('hex')}"`;
      options.onObjectEvent({
        eventName,
        bucket,
        key,
        size: stored.body.length,
        eTag: result.headers.get('etag') ?? eTag,
        sourceIp,
      });
    };
    if (method === 'PUT' && key && !query.has('uploadId')) {
      if (copySource) {
        await created('ObjectCreated:Copy');
        return;
      }
      archive.save({
        bucket,
        key,
        body,
        contentType: header(request, 'content-type') ?? 'application/octet-stream',
        metadata: metadataOf(request),
      });
      options.onObjectEvent({
        eventName: 'ObjectCreated:Put',
        bucket,
        key,
        size: body.length,
        eTag: result.headers.get('etag') ?? undefined,
        sourceIp,
      });
    } else if (method === 'POST' && key && query.has('uploadId')) {
      await created('ObjectCreated:CompleteMultipartUpload');
    } else if (method === 'DELETE' && key && !query.has('uploadId')) {
      archive.remove(bucket, key);
      options.onObjectEvent({ eventName: 'ObjectRemoved:Delete', bucket, key, sourceIp });
    } else if (method === 'POST' && !key && query.has('delete')) {
      for (const deleted of xmlValues(body.toString('utf8'), 'Key')) {
        archive.remove(bucket, deleted);
        options.onObjectEvent({
          eventName: 'ObjectRemoved:Delete',
          bucket,
          key: deleted,
          sourceIp,
        });
      }
    }
  }

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const parsed = parse(request);
    if (parsed.method === 'OPTIONS') {
      preflight(request, response, parsed.bucket);
      return;
    }
    const signed = {
      method: parsed.method,
      rawPath: parsed.rawPath,
      rawQuery: parsed.rawQuery,
      headers: request.headers,
    };
    if (!isSigned(signed)) {
      sendError(response, 403, 'AccessDenied', 'Access Denied');
      return;
    }
    const verdict = verifySigV4(signed, options.secrets);
    if (!verdict.ok) {
      sendError(response, verdict.status, verdict.code, verdict.message);
      return;
    }
    const body = await readBody(request, MAX_BODY_BYTES);
    if (!body) {
      sendError(
        response,
        400,
        'EntityTooLarge',
        'Your proposed upload exceeds the maximum allowed size (local limit 256 MiB).',
      );
      return;
    }
    const declaredHash = header(request, 'x-amz-content-sha256');
    if (
      declaredHash &&
      /^[0-9a-f]{64}$/.test(declaredHash) &&
      createHash('sha256').update(body).digest('hex') !== declaredHash
    ) {
      sendError(
        response,
        400,
        'XAmzContentSHA256Mismatch',
        'The provided x-amz-content-sha256 header does not match what was computed.',
      );
      return;
    }
    if (parsed.method === 'GET' && !parsed.key && parsed.query.has('versions')) {
      await listVersions(parsed, response);
      return;
    }
    const objectPut =
      parsed.method === 'PUT' &&
      parsed.key !== '' &&
      !parsed.query.has('uploadId') &&
      !header(request, 'x-amz-copy-source');
    if (
      objectPut &&
      header(request, 'if-none-match') === '*' &&
      (await backend.exists(parsed.bucket, parsed.key))
    ) {
      sendError(
        response,
        412,
        'PreconditionFailed',
        'At least one of the pre-conditions you specified did not hold',
        { 'Content-Length': '0' },
      );
      return;
    }
    const result = objectPut
      ? await backend.put(parsed.bucket, parsed.key, {
          body,
          contentType: header(request, 'content-type') ?? 'application/octet-stream',
          metadata: metadataOf(request),
        })
      : await forward(parsed, request, body);
    const payload = Buffer.from(await result.arrayBuffer());
    const headers: Record<string, string> = { ...corsHeaders(request, parsed.bucket) };
    result.headers.forEach((value, name) => {
      if (!hopByHop.has(name) || name === 'content-length') headers[name] = value;
    });
    if (parsed.method !== 'HEAD') headers['content-length'] = String(payload.length);
    response.writeHead(result.status, headers);
    response.end(parsed.method === 'HEAD' ? undefined : payload);
    if (result.ok) {
      await afterSuccess(parsed, request, body, result).catch((error: unknown) =>
        options.log(`[s3] after ${parsed.method} ${parsed.bucket}/${parsed.key}: ${String(error)}`),
      );
    }
  }

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      options.log(
        `[s3] ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
      );
      if (!response.headersSent)
        sendError(
          response,
          500,
          'InternalError',
          'We encountered an internal error. Please try again.',
        );
      else response.destroy();
    });
  });
  const url = await listen(server, options.port, options.host ?? '127.0.0.1', 'S3 endpoint');
  return { url, close: () => closeServer(server) };
}
