import { GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import type { HttpRequest } from '@smithy/protocol-http';
import type { IncomingHttpHeaders } from 'node:http';
import { verifySigV4 } from '../../../../sandbox/http/sigv4';

const secrets = { local: 'local' };
const s3Endpoint = { secrets, service: 's3' };
const s3 = new S3Client({
  endpoint: 'http://127.0.0.1:4569',
  region: 'us-east-1',
  credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  requestChecksumCalculation: 'WHEN_REQUIRED',
});
const bound = new Set(['content-type', 'content-length']);

async function presignedPut(expiresIn = 900): Promise<URL> {
  const command = new PutObjectCommand({
    Bucket: 'media',
    Key: 'media/user 1/photo.jpg',
    ContentType: 'image/jpeg',
    ContentLength: 4,
  });
  return new URL(
    await getSignedUrl(s3, command, {
      expiresIn,
      signableHeaders: bound,
      unhoistableHeaders: bound,
    }),
  );
}

function requestTo(url: URL, method: string, headers: IncomingHttpHeaders) {
  return {
    method,
    rawPath: url.pathname,
    rawQuery: url.search.slice(1),
    headers: { host: url.host, ...headers },
  };
}

const uploadHeaders = { 'content-type': 'image/jpeg', 'content-length': '4' };

describe('checking a presigned URL', () => {
  it('accepts the request it was signed for', async () => {
    const url = await presignedPut();

    const verdict = await verifySigV4(requestTo(url, 'PUT', uploadHeaders), s3Endpoint);

    expect(verdict).toEqual({ ok: true, accessKeyId: 'local' });
  });

  it.each([
    ['another content type', { 'content-type': 'image/png', 'content-length': '4' }],
    ['another length', { 'content-type': 'image/jpeg', 'content-length': '5' }],
  ])('refuses %s', async (_name, headers) => {
    const url = await presignedPut();

    const verdict = await verifySigV4(requestTo(url, 'PUT', headers), s3Endpoint);

    expect(verdict).toMatchObject({ ok: false, status: 403, code: 'SignatureDoesNotMatch' });
  });

  it('refuses a URL whose key was changed', async () => {
    const url = await presignedPut();
    url.pathname = url.pathname.replace('photo', 'other');

    const verdict = await verifySigV4(requestTo(url, 'PUT', uploadHeaders), s3Endpoint);

    expect(verdict).toMatchObject({ ok: false, code: 'SignatureDoesNotMatch' });
  });

  it('refuses a signature with anything appended, though it decodes to the same bytes', async () => {
    const url = await presignedPut();
    url.searchParams.set('X-Amz-Signature', `${url.searchParams.get('X-Amz-Signature')}zz`);

    const verdict = await verifySigV4(requestTo(url, 'PUT', uploadHeaders), s3Endpoint);

    expect(verdict).toMatchObject({ ok: false, code: 'SignatureDoesNotMatch' });
  });

  it('refuses a URL used for another method', async () => {
    const url = await presignedPut();

    const verdict = await verifySigV4(requestTo(url, 'GET', uploadHeaders), s3Endpoint);

    expect(verdict).toMatchObject({ ok: false, code: 'SignatureDoesNotMatch' });
  });

  it('refuses an expired URL', async () => {
    const url = await presignedPut(60);

    const verdict = await verifySigV4(requestTo(url, 'PUT', uploadHeaders), {
      ...s3Endpoint,
      now: Date.now() + 61_000,
    });

    expect(verdict).toMatchObject({
      ok: false,
      status: 403,
      code: 'AccessDenied',
      message: 'Request has expired',
    });
  });

  it('refuses an unknown access key', async () => {
    const url = await presignedPut();

    const verdict = await verifySigV4(requestTo(url, 'PUT', uploadHeaders), {
      secrets: { other: 'local' },
      service: 's3',
    });

    expect(verdict).toMatchObject({ ok: false, code: 'InvalidAccessKeyId' });
  });

  it('accepts a presigned GET', async () => {
    const url = new URL(
      await getSignedUrl(s3, new GetObjectCommand({ Bucket: 'media', Key: 'a+b (1).jpg' })),
    );

    const verdict = await verifySigV4(requestTo(url, 'GET', {}), s3Endpoint);

    expect(verdict.ok).toBe(true);
  });
});

/** The request exactly as the SDK client sends it, signed, without sending it. */
async function signedBy(client: S3Client | SQSClient, command: unknown) {
  let captured: HttpRequest | undefined;
  (client.middlewareStack as S3Client['middlewareStack']).add(
    () => async (args) => {
      captured = args.request as HttpRequest;
      throw new Error('captured');
    },
    { step: 'deserialize', priority: 'low' },
  );
  await (client.send as (c: unknown) => Promise<unknown>)(command).catch(() => undefined);
  if (!captured) throw new Error('the client sent nothing');
  const query = Object.entries(captured.query ?? {})
    .flatMap(([key, value]) => (Array.isArray(value) ? value : [value]).map((v) => [key, v]))
    .map(([key, value]) => `${encodeURIComponent(key ?? '')}=${encodeURIComponent(value ?? '')}`)
    .join('&');
  const headers: IncomingHttpHeaders = {};
  for (const [name, value] of Object.entries(captured.headers)) headers[name.toLowerCase()] = value;
  const body = typeof captured.body === 'string' ? Buffer.from(captured.body) : undefined;
  return { method: captured.method, rawPath: captured.path, rawQuery: query, headers, body };
}

const localClient = {
  region: 'us-east-1',
  credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  maxAttempts: 1,
};

describe('checking a request signed in its Authorization header', () => {
  const s3Client = () =>
    new S3Client({
      ...localClient,
      endpoint: 'http://127.0.0.1:4569',
      forcePathStyle: true,
      requestChecksumCalculation: 'WHEN_REQUIRED',
    });
  const put = new PutObjectCommand({ Bucket: 'media', Key: 'a b/c.txt', Body: 'four' });

  it('accepts an SDK call as it was signed', async () => {
    const request = await signedBy(s3Client(), put);

    const verdict = await verifySigV4(request, s3Endpoint);

    expect(verdict).toEqual({ ok: true, accessKeyId: 'local' });
  });

  it('refuses a call whose declared body hash was changed', async () => {
    const request = await signedBy(s3Client(), put);
    request.headers['x-amz-content-sha256'] = 'UNSIGNED-PAYLOAD';

    const verdict = await verifySigV4(request, s3Endpoint);

    expect(verdict).toMatchObject({ ok: false, code: 'SignatureDoesNotMatch' });
  });

  it('refuses a call signed more than 15 minutes ago', async () => {
    const request = await signedBy(s3Client(), put);

    const verdict = await verifySigV4(request, { ...s3Endpoint, now: Date.now() + 16 * 60_000 });

    expect(verdict).toMatchObject({ ok: false, code: 'RequestTimeTooSkewed' });
  });

  it('checks another service the same way, the body it was signed with included', async () => {
    const sqsClient = new SQSClient({ ...localClient, endpoint: 'http://127.0.0.1:4566' });
    const send = new SendMessageCommand({
      QueueUrl: 'http://127.0.0.1:4566/0/q',
      MessageBody: 'hi',
    });
    const request = await signedBy(sqsClient, send);
    const sqsEndpoint = { secrets, service: 'sqs' };

    const accepted = await verifySigV4(request, sqsEndpoint);
    const tampered = await verifySigV4(
      { ...request, body: Buffer.from(String(request.body).replace('hi', 'ho')) },
      sqsEndpoint,
    );
    const elsewhere = await verifySigV4(request, s3Endpoint);

    expect(accepted).toEqual({ ok: true, accessKeyId: 'local' });
    expect(tampered).toMatchObject({ ok: false, status: 400, code: 'XAmzContentSHA256Mismatch' });
    expect(elsewhere).toMatchObject({ ok: false, code: 'AuthorizationHeaderMalformed' });
  });
});
