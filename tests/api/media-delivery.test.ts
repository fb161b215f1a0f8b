import {
  CloudFrontClient,
  GetInvalidationCommand,
  ListInvalidationsCommand,
} from '@aws-sdk/client-cloudfront';
import { getSignedUrl as signCloudFrontUrl } from '@aws-sdk/cloudfront-signer';
import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { call, eventually } from './support/http';
import { sandboxOutputs } from './support/outputs';
import { newUser, type TestUser } from './support/users';
import { tinyJpeg as jpeg } from './support/images';

// Private media delivery through the local CloudFront endpoint: the URL that
// GET /v1/media/{mediaId} signs is the only way to an object, and deleting
// media invalidates its paths.

const localConfig = {
  region: 'us-east-1',
  credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
};
let owner: TestUser;
let stranger: TestUser;
let cloudFront: CloudFrontClient;

beforeAll(async () => {
  [owner, stranger] = await Promise.all([newUser(), newUser()]);
  cloudFront = new CloudFrontClient({
    ...localConfig,
    endpoint: sandboxOutputs().CloudFrontEndpoint,
  });
}, 30_000);

afterAll(() => cloudFront.destroy());

const mediaOf = (user: TestUser, mediaId: string) =>
  call('GET', `/v1/media/${mediaId}`, { token: user.idToken });

/** A JPEG uploaded through the presigned PUT and checked by the processor. */
async function readyJpeg(user: TestUser): Promise<{ mediaId: string; url: string }> {
  const reply = await call('POST', '/v1/media', {
    token: user.idToken,
    body: { contentType: 'image/jpeg', size: jpeg.length },
  });
  const upload = reply.json as {
    mediaId: string;
    upload: { url: string; headers: Record<string, string> };
  };
  const headers = { ...upload.upload.headers };
  delete headers['Content-Length'];
  expect((await fetch(upload.upload.url, { method: 'PUT', headers, body: jpeg })).status).toBe(200);
  const ready = await eventually(
    () => mediaOf(user, upload.mediaId),
    (media) => media.json.status !== 'pending',
    20_000,
  );
  expect(ready.json.status).toBe('ready');
  return { mediaId: upload.mediaId, url: String(ready.json.url) };
}

/** Every path invalidated on the media distribution so far. */
async function invalidatedPaths(): Promise<string[]> {
  const DistributionId = sandboxOutputs().MediaDistributionId;
  const listed = await cloudFront.send(new ListInvalidationsCommand({ DistributionId }));
  const invalidations = await Promise.all(
    (listed.InvalidationList?.Items ?? []).map((summary) =>
      cloudFront.send(new GetInvalidationCommand({ DistributionId, Id: summary.Id })),
    ),
  );
  return invalidations.flatMap(
    (reply) => reply.Invalidation?.InvalidationBatch?.Paths?.Items ?? [],
  );
}

/** The media signing key, as only MediaApiFunction may read it on AWS. */
async function signingKey(): Promise<string> {
  const secrets = new SecretsManagerClient({
    ...localConfig,
    endpoint: sandboxOutputs().SecretsManagerEndpoint,
  });
  const secret = await secrets.send(
    new GetSecretValueCommand({ SecretId: 'MediaSigningKeySecret' }),
  );
  secrets.destroy();
  return secret.SecretString ?? '';
}

describe('a ready media', () => {
  it('is served byte for byte on the URL GET /v1/media/{mediaId} signs, valid for 300 s', async () => {
    const before = Math.floor(Date.now() / 1000);
    const media = await readyJpeg(owner);
    const after = Math.ceil(Date.now() / 1000);

    const served = await fetch(media.url);

    const url = new URL(media.url);
    expect(url.origin).toBe(sandboxOutputs().CloudFrontEndpoint);
    expect(url.pathname).toBe(`/media/${owner.sub}/${media.mediaId}`);
    const expires = Number(url.searchParams.get('Expires'));
    expect(expires).toBeGreaterThanOrEqual(before + 300);
    expect(expires).toBeLessThanOrEqual(after + 300);
    expect(served.status).toBe(200);
    expect(served.headers.get('content-type')).toBe('image/jpeg');
    expect(Buffer.from(await served.arrayBuffer()).equals(jpeg)).toBe(true);
  }, 30_000);

  it('is refused without a signature', async () => {
    const media = await readyJpeg(owner);
    const url = new URL(media.url);

    const served = await fetch(`${url.origin}${url.pathname}`);

    expect(served.status).toBe(403);
  }, 30_000);

  it('answers a forged Key-Pair-Id with well-formed XML that does not echo its markup', async () => {
    const media = await readyJpeg(owner);
    const forged = new URL(media.url);
    forged.searchParams.set('Key-Pair-Id', '<b>K</b>');

    const served = await fetch(forged);

    expect(served.status).toBe(403);
    const body = await served.text();
    expect(body).toContain('<Code>AccessDenied</Code>');
    expect(body).not.toContain('<b>');
  }, 30_000);

  it("is refused on another media's signature, or with a later expiry than was signed", async () => {
    const [first, second] = [await readyJpeg(owner), await readyJpeg(owner)];
    const swapped = new URL(second.url);
    swapped.search = new URL(first.url).search;
    const extended = new URL(first.url);
    extended.searchParams.set(
      'Expires',
      String(Number(extended.searchParams.get('Expires')) + 3600),
    );

    const [otherPath, laterExpiry] = await Promise.all([fetch(swapped), fetch(extended)]);

    expect(otherPath.status).toBe(403);
    expect(laterExpiry.status).toBe(403);
  }, 30_000);

  it('is refused on an expired URL signed with the right key, served on a current one', async () => {
    const media = await readyJpeg(owner);
    const { origin, pathname, searchParams } = new URL(media.url);
    const signed = (dateLessThan: Date) =>
      signingKey().then((privateKey) =>
        signCloudFrontUrl({
          url: `${origin}${pathname}`,
          keyPairId: searchParams.get('Key-Pair-Id') ?? '',
          privateKey,
          dateLessThan,
        }),
      );

    const expired = await fetch(await signed(new Date(Date.now() - 1000)));
    const current = await fetch(await signed(new Date(Date.now() + 60_000)));

    expect(expired.status).toBe(403);
    expect(current.status).toBe(200);
  }, 30_000);

  it('gets no URL for another user: the media does not exist for them', async () => {
    const media = await readyJpeg(owner);

    const reply = await mediaOf(stranger, media.mediaId);

    expect(reply.status).toBe(404);
    expect(JSON.stringify(reply.json)).not.toContain('Signature=');
  }, 30_000);
});

describe('deleting', () => {
  it('a media invalidates its path on the distribution', async () => {
    const media = await readyJpeg(owner);

    const reply = await call('DELETE', `/v1/media/${media.mediaId}`, { token: owner.idToken });

    expect(reply.status).toBe(204);
    expect(await invalidatedPaths()).toContain(`/media/${owner.sub}/${media.mediaId}`);
    expect((await fetch(media.url)).status).toBe(403);
  }, 30_000);

  it("an account invalidates all of the user's media paths", async () => {
    const leaving = await newUser();
    await readyJpeg(leaving);

    const reply = await call('DELETE', '/v1/me', { token: leaving.idToken });
    const paths = await eventually(
      invalidatedPaths,
      (invalidated) => invalidated.includes(`/media/${leaving.sub}/*`),
      15_000,
    );

    expect(reply.status).toBe(202);
    expect(paths).toContain(`/media/${leaving.sub}/*`);
  }, 40_000);
});
