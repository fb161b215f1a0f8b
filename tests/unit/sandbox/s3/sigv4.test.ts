import { GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import type { IncomingHttpHeaders } from 'node:http';
import { verifySigV4 } from '../../../../sandbox/s3/sigv4';

const secrets = { local: 'local' };
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

    const verdict = verifySigV4(requestTo(url, 'PUT', uploadHeaders), secrets);

    expect(verdict).toEqual({ ok: true, accessKeyId: 'local' });
  });

  it.each([
    ['another content type', { 'content-type': 'image/png', 'content-length': '4' }],
    ['another length', { 'content-type': 'image/jpeg', 'content-length': '5' }],
  ])('refuses %s', async (_name, headers) => {
    const url = await presignedPut();

    const verdict = verifySigV4(requestTo(url, 'PUT', headers), secrets);

    expect(verdict).toMatchObject({ ok: false, status: 403, code: 'SignatureDoesNotMatch' });
  });

  it('refuses a URL whose key was changed', async () => {
    const url = await presignedPut();
    url.pathname = url.pathname.replace('photo', 'other');

    const verdict = verifySigV4(requestTo(url, 'PUT', uploadHeaders), secrets);

    expect(verdict).toMatchObject({ ok: false, code: 'SignatureDoesNotMatch' });
  });

  it('refuses a signature with anything appended, though it decodes to the same bytes', async () => {
    const url = await presignedPut();
    url.searchParams.set('X-Amz-Signature', `${url.searchParams.get('X-Amz-Signature')}zz`);

    const verdict = verifySigV4(requestTo(url, 'PUT', uploadHeaders), secrets);

    expect(verdict).toMatchObject({ ok: false, code: 'SignatureDoesNotMatch' });
  });

  it('refuses a URL used for another method', async () => {
    const url = await presignedPut();

    const verdict = verifySigV4(requestTo(url, 'GET', uploadHeaders), secrets);

    expect(verdict).toMatchObject({ ok: false, code: 'SignatureDoesNotMatch' });
  });

  it('refuses an expired URL', async () => {
    const url = await presignedPut(60);

    const verdict = verifySigV4(requestTo(url, 'PUT', uploadHeaders), secrets, Date.now() + 61_000);

    expect(verdict).toMatchObject({
      ok: false,
      status: 403,
      code: 'AccessDenied',
      message: 'Request has expired',
    });
  });

  it('refuses an unknown access key', async () => {
    const url = await presignedPut();

    const verdict = verifySigV4(requestTo(url, 'PUT', uploadHeaders), { other: 'local' });

    expect(verdict).toMatchObject({ ok: false, code: 'InvalidAccessKeyId' });
  });

  it('accepts a presigned GET', async () => {
    const url = new URL(
      await getSignedUrl(s3, new GetObjectCommand({ Bucket: 'media', Key: 'a+b (1).jpg' })),
    );

    const verdict = verifySigV4(requestTo(url, 'GET', {}), secrets);

    expect(verdict.ok).toBe(true);
  });
});
