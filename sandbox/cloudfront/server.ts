// The local CloudFront endpoint. Viewers: GET and HEAD of an object of the
// distribution's bucket, served only on a valid signed URL when the
// behaviour trusts key groups (403 otherwise, as CloudFront answers).
// Functions (AWS_ENDPOINT_URL_CLOUDFRONT): CreateInvalidation, GetInvalidation
// and ListInvalidations, SigV4-signed with the local credentials.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { readBody } from '../http/read-body';
import { isSigned, verifySigV4 } from '../http/sigv4';
import { closeServer, listen } from '../runtime/listen';
import type { LocalDistribution } from './distributions';
import {
  errorXml,
  InvalidationError,
  invalidationListXml,
  InvalidationLog,
  invalidationXml,
} from './invalidations';
import { verifySignedUrl } from './signed-url';
import { xmlEscape } from '../s3/xml';

export interface StoredMedia {
  body: Buffer;
  contentType: string;
}

export interface LocalCloudFrontOptions {
  port: number;
  host: string;
  distribution: LocalDistribution;
  /** The URL viewers use (public host); signatures are checked against it. */
  publicUrl: (boundUrl: string) => string;
  /** The object of the distribution's bucket, or undefined when there is none. */
  readObject: (key: string) => Promise<StoredMedia | undefined>;
  keys: Readonly<Record<string, string>>;
  log: (line: string) => void;
  now?: () => Date;
}

export interface LocalCloudFront {
  /** Where viewers and functions reach it. */
  url: string;
  invalidations: InvalidationLog;
  stop(): Promise<void>;
}

const API_PATH = /^\/2020-05-31\/distribution\/([^/]+)\/invalidation(?:\/([^/?]+))?$/;
const MAX_API_BODY_BYTES = 64 * 1024;

export async function startLocalCloudFront(
  options: LocalCloudFrontOptions,
): Promise<LocalCloudFront> {
  const invalidations = new InvalidationLog(new Set([options.distribution.id]));
  let publicUrl = '';
  const server = createServer((request, response) => {
    const work = API_PATH.test(pathOf(request))
      ? answerApi(options, invalidations, request, response)
      : serveObject(options, publicUrl, request, response);
    work.catch((error: unknown) => {
      options.log(`[cloudfront] ${request.method} ${request.url}: ${String(error)}`);
      if (!response.headersSent) send(response, 500, 'text/plain', 'Internal error');
      else response.destroy();
    });
  });
  publicUrl = options.publicUrl(
    await listen(server, options.port, options.host, 'CloudFront endpoint'),
  );
  return { url: publicUrl, invalidations, stop: () => closeServer(server) };
}

function pathOf(request: IncomingMessage): string {
  const url = request.url ?? '/';
  const at = url.indexOf('?');
  return at === -1 ? url : url.slice(0, at);
}

function send(
  response: ServerResponse,
  status: number,
  type: string,
  body: string | Buffer,
  headers = {},
): void {
  response.writeHead(status, { 'Content-Type': type, ...headers });
  response.end(body);
}

/** CloudFront's answer to an unsigned, altered or expired URL. */
function accessDenied(response: ServerResponse, reason: string): void {
  const xml = `<?xml version="1.0" encoding="UTF-8"?><Error><Code>AccessDenied</Code><Message>${xmlEscape(reason)}</Message></Error>`;
  send(response, 403, 'text/xml', xml);
}

async function serveObject(
  options: LocalCloudFrontOptions,
  baseUrl: string,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    send(
      response,
      403,
      'text/plain',
      'This distribution is not configured to allow this HTTP request method.',
    );
    return;
  }
  const { distribution } = options;
  if (distribution.trustedKeys.size > 0) {
    const now = options.now?.() ?? new Date();
    const rawPathAndQuery = request.url ?? '/';
    const verdict = verifySignedUrl({ baseUrl, rawPathAndQuery }, distribution.trustedKeys, now);
    if (!verdict.ok) {
      accessDenied(response, verdict.reason);
      return;
    }
  }
  const key = pathOf(request).slice(1).split('/').map(decodeURIComponent).join('/');
  const object = key === '' ? undefined : await options.readObject(key);
  if (!object) {
    // S3 through an origin access control answers a missing key with 403 unless ListBucket is granted.
    accessDenied(response, 'Access Denied');
    return;
  }
  const headers = {
    'Content-Length': String(object.body.length),
    'X-Cache': 'Miss from cloudfront',
  };
  response.writeHead(200, { 'Content-Type': object.contentType, ...headers });
  response.end(request.method === 'HEAD' ? undefined : object.body);
}

async function answerApi(
  options: LocalCloudFrontOptions,
  invalidations: InvalidationLog,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  const body = (await readBody(request, MAX_API_BODY_BYTES)) ?? Buffer.alloc(0);
  const url = request.url ?? '/';
  const at = url.indexOf('?');
  const signed = {
    method: request.method ?? 'GET',
    rawPath: at === -1 ? url : url.slice(0, at),
    rawQuery: at === -1 ? '' : url.slice(at + 1),
    headers: request.headers,
    body,
  };
  const verdict = isSigned(signed)
    ? await verifySigV4(signed, { secrets: { ...options.keys }, service: 'cloudfront' })
    : {
        ok: false as const,
        status: 403,
        code: 'MissingAuthenticationToken',
        message: 'Missing Authentication Token',
      };
  if (!verdict.ok) {
    sendError(response, new InvalidationError(403, verdict.code, verdict.message));
    return;
  }
  const [, distributionId = '', invalidationId] = API_PATH.exec(signed.rawPath) ?? [];
  try {
    if (request.method === 'POST' && !invalidationId) {
      const created = invalidations.create(distributionId, body.toString('utf8'));
      options.log(`[cloudfront] invalidation ${created.id}: ${created.paths.join(' ')}`);
      const location = `/2020-05-31/distribution/${distributionId}/invalidation/${created.id}`;
      send(response, 201, 'text/xml', invalidationXml(created), { Location: location });
    } else if (request.method === 'GET' && invalidationId) {
      send(
        response,
        200,
        'text/xml',
        invalidationXml(invalidations.get(distributionId, invalidationId)),
      );
    } else if (request.method === 'GET') {
      send(response, 200, 'text/xml', invalidationListXml(invalidations.list(distributionId)));
    } else {
      throw new InvalidationError(405, 'MethodNotAllowed', `${request.method} is not served here.`);
    }
  } catch (error) {
    if (!(error instanceof InvalidationError)) throw error;
    sendError(response, error);
  }
}

function sendError(response: ServerResponse, error: InvalidationError): void {
  send(response, error.status, 'text/xml', errorXml(error));
}
