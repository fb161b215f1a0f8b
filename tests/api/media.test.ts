import { ListObjectsV2Command, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { InvokeCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { s3EventRecord } from '../../sandbox/s3/event-notifications';
import { closeErasureClients, recordsMentioning } from './support/erasure';
import { call, eventually } from './support/http';
import { sandboxOutputs } from './support/outputs';
import { newUser, type TestUser } from './support/users';
import { tinyJpeg as jpeg, tinyPng as png } from './support/images';

const localConfig = {
  region: 'us-east-1',
  credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
};
let owner: TestUser;
let stranger: TestUser;
let s3: S3Client;

beforeAll(async () => {
  [owner, stranger] = await Promise.all([newUser(), newUser()]);
  s3 = new S3Client({
    ...localConfig,
    endpoint: sandboxOutputs().S3Endpoint,
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
  // The processor's first event is a cold start (seconds here, as the layer
  // loads); the one-second promise is about a warm function, as on Lambda.
  const warmUp = await requestUpload(owner, 'image/jpeg', jpeg.length);
  await put(warmUp, jpeg);
  await settled(owner, warmUp.mediaId, 20_000);
}, 30_000);

afterAll(() => s3.destroy());

interface Upload {
  mediaId: string;
  upload: { method: string; url: string; headers: Record<string, string> };
  expiresAt: string;
}

async function requestUpload(user: TestUser, contentType: string, size: number): Promise<Upload> {
  const reply = await call('POST', '/v1/media', {
    token: user.idToken,
    body: { contentType, size },
  });
  expect(reply.status).toBe(201);
  return reply.json as unknown as Upload;
}

/** A plain fetch, as an app would upload: the headers the API returned, then the bytes. */
function put(
  upload: Upload,
  body: Buffer,
  headers: Record<string, string> = {},
): Promise<Response> {
  // fetch sets Content-Length from the body itself.
  const signed = { ...upload.upload.headers };
  delete signed['Content-Length'];
  return fetch(upload.upload.url, { method: 'PUT', headers: { ...signed, ...headers }, body });
}

const mediaOf = (user: TestUser, mediaId: string) =>
  call('GET', `/v1/media/${mediaId}`, { token: user.idToken });

async function settled(user: TestUser, mediaId: string, ms = 5000) {
  return eventually(
    () => mediaOf(user, mediaId),
    (reply) => reply.json.status !== 'pending',
    ms,
  );
}

async function keysUnder(prefix: string): Promise<string[]> {
  const listed = await s3.send(
    new ListObjectsV2Command({ Bucket: sandboxOutputs().MediaBucketName, Prefix: prefix }),
  );
  return (listed.Contents ?? []).map((object) => object.Key ?? '');
}

async function readyJpeg(user: TestUser): Promise<Upload> {
  const upload = await requestUpload(user, 'image/jpeg', jpeg.length);
  expect((await put(upload, jpeg)).status).toBe(200);
  expect((await settled(user, upload.mediaId)).json.status).toBe('ready');
  return upload;
}

describe('POST /v1/media', () => {
  it('returns a pending media with a presigned PUT valid for at most 15 minutes', async () => {
    const reply = await call('POST', '/v1/media', {
      token: owner.idToken,
      body: { contentType: 'image/jpeg', size: 1234, fileName: 'dog.jpg' },
    });

    expect(reply.status).toBe(201);
    expect(reply.json).toMatchObject({
      status: 'pending',
      upload: {
        method: 'PUT',
        headers: { 'Content-Type': 'image/jpeg', 'Content-Length': '1234' },
      },
    });
    const upload = reply.json as unknown as Upload;
    expect(new URL(upload.upload.url).pathname).toContain(`/media/${owner.sub}/${upload.mediaId}`);
    expect(new URL(upload.upload.url).searchParams.get('X-Amz-SignedHeaders')).toBe(
      'content-length;content-type;host;if-none-match',
    );
    expect(Date.parse(upload.expiresAt) - Date.now()).toBeLessThanOrEqual(15 * 60 * 1000);
  });

  it('answers 422 to a content type that is not allowed', async () => {
    const reply = await call('POST', '/v1/media', {
      token: owner.idToken,
      body: { contentType: 'application/pdf', size: 10 },
    });

    expect(reply.status).toBe(422);
    expect(reply.json.errors).toEqual([expect.objectContaining({ path: 'contentType' })]);
  });

  it('answers 422 to a size above 25 MiB', async () => {
    const reply = await call('POST', '/v1/media', {
      token: owner.idToken,
      body: { contentType: 'video/mp4', size: 25 * 1024 * 1024 + 1 },
    });

    expect(reply.status).toBe(422);
    expect(reply.json.errors).toEqual([expect.objectContaining({ path: 'size' })]);
  });
});

describe('uploading through the presigned URL', () => {
  it('makes a real JPEG ready within a second, served byte for byte', async () => {
    const upload = await requestUpload(owner, 'image/jpeg', jpeg.length);

    const uploaded = await put(upload, jpeg);
    const media = await settled(owner, upload.mediaId, 1000);

    expect(uploaded.status).toBe(200);
    expect(media.json).toMatchObject({
      mediaId: upload.mediaId,
      ownerId: owner.sub,
      status: 'ready',
      contentType: 'image/jpeg',
      size: jpeg.length,
    });
    const served = await fetch(String(media.json.url));
    expect(served.status).toBe(200);
    expect(Buffer.from(await served.arrayBuffer()).equals(jpeg)).toBe(true);
  });

  it('rejects a PNG uploaded as a JPEG and leaves nothing in the bucket', async () => {
    const upload = await requestUpload(owner, 'image/jpeg', png.length);

    expect((await put(upload, png)).status).toBe(200);
    const media = await settled(owner, upload.mediaId);

    expect(media.json).toMatchObject({ status: 'rejected', url: null });
    expect(await keysUnder(`media/${owner.sub}/${upload.mediaId}`)).toEqual([]);
  });

  it('refuses a file larger than declared and stores nothing', async () => {
    const upload = await requestUpload(owner, 'image/jpeg', jpeg.length);

    const uploaded = await put(upload, Buffer.concat([jpeg, Buffer.alloc(100)]));

    expect(uploaded.status).toBe(403);
    expect(await uploaded.text()).toContain('SignatureDoesNotMatch');
    expect(await keysUnder(`media/${owner.sub}/${upload.mediaId}`)).toEqual([]);
    expect((await mediaOf(owner, upload.mediaId)).json.status).toBe('pending');
  });

  it('refuses another content type than declared', async () => {
    const upload = await requestUpload(owner, 'image/jpeg', png.length);

    const uploaded = await put(upload, png, { 'Content-Type': 'image/png' });

    expect(uploaded.status).toBe(403);
    expect(await keysUnder(`media/${owner.sub}/${upload.mediaId}`)).toEqual([]);
  });

  it('refuses a tampered URL', async () => {
    const upload = await requestUpload(owner, 'image/jpeg', jpeg.length);
    const url = new URL(upload.upload.url);
    // Another last character, whatever the id ends with (one id in 32 ends with Z).
    const last = upload.mediaId.endsWith('Z') ? 'Y' : 'Z';
    url.pathname = url.pathname.replace(upload.mediaId, `${upload.mediaId.slice(0, -1)}${last}`);

    const uploaded = await fetch(url, {
      method: 'PUT',
      headers: { 'Content-Type': 'image/jpeg', 'If-None-Match': '*' },
      body: jpeg,
    });

    expect(uploaded.status).toBe(403);
    expect(await uploaded.text()).toContain('SignatureDoesNotMatch');
  });

  it('refuses an expired URL', async () => {
    const key = `media/${owner.sub}/expired`;
    const url = await getSignedUrl(
      s3,
      new PutObjectCommand({
        Bucket: sandboxOutputs().MediaBucketName,
        Key: key,
        ContentType: 'image/jpeg',
      }),
      { expiresIn: 1 },
    );
    await new Promise((done) => setTimeout(done, 2100));

    const uploaded = await fetch(url, {
      method: 'PUT',
      headers: { 'Content-Type': 'image/jpeg' },
      body: jpeg,
    });

    expect(uploaded.status).toBe(403);
    expect(await uploaded.text()).toContain('Request has expired');
  });

  it('cannot overwrite a media once uploaded', async () => {
    const upload = await readyJpeg(owner);

    const again = await put(upload, jpeg);

    expect(again.status).toBe(412);
    expect((await mediaOf(owner, upload.mediaId)).json.status).toBe('ready');
  });
});

describe("another user's media seen through one of their items", () => {
  async function itemWith(mediaId: string, visibility: 'public' | 'private'): Promise<string> {
    const created = await call('POST', '/v1/items', {
      token: owner.idToken,
      body: { title: 'With a photo', visibility, mediaIds: [mediaId] },
    });
    expect(created.status).toBe(201);
    return String(created.json.id);
  }
  const throughItem = (mediaId: string, itemId: string) =>
    call('GET', `/v1/media/${mediaId}?item=${encodeURIComponent(itemId)}`, {
      token: stranger.idToken,
    });

  it('can be read, and downloaded, through a public item that holds it', async () => {
    const upload = await readyJpeg(owner);
    const itemId = await itemWith(upload.mediaId, 'public');

    const reply = await throughItem(upload.mediaId, itemId);
    const served = await fetch(String(reply.json.url));

    expect(reply.status).toBe(200);
    expect(reply.json).toMatchObject({ mediaId: upload.mediaId, ownerId: owner.sub });
    expect(Buffer.from(await served.arrayBuffer())).toEqual(jpeg);
  });

  it('is not found through a private item, an item without it, or no item at all', async () => {
    const upload = await readyJpeg(owner);
    const other = await readyJpeg(owner);
    const privateItem = await itemWith(upload.mediaId, 'private');
    const publicItemOfOther = await itemWith(other.mediaId, 'public');

    const replies = await Promise.all([
      throughItem(upload.mediaId, privateItem),
      throughItem(upload.mediaId, publicItemOfOther),
      throughItem(upload.mediaId, 'not-an-item-id'),
    ]);

    expect(replies.map((reply) => reply.status)).toEqual([404, 404, 404]);
  });
});

describe("another user's media", () => {
  it('cannot be read', async () => {
    const upload = await readyJpeg(owner);

    const reply = await mediaOf(stranger, upload.mediaId);

    expect(reply.status).toBe(404);
  });

  it('cannot be deleted', async () => {
    const upload = await readyJpeg(owner);

    const reply = await call('DELETE', `/v1/media/${upload.mediaId}`, { token: stranger.idToken });

    expect(reply.status).toBe(404);
    expect((await mediaOf(owner, upload.mediaId)).json.status).toBe('ready');
  });

  it('cannot be attached to an item', async () => {
    const upload = await readyJpeg(owner);

    const reply = await call('POST', '/v1/items', {
      token: stranger.idToken,
      body: { title: 'Not mine', mediaIds: [upload.mediaId] },
    });

    expect(reply.status).toBe(422);
    expect(reply.json.errors).toEqual([expect.objectContaining({ path: 'mediaIds.0' })]);
  });

  it('cannot become an avatar', async () => {
    const upload = await readyJpeg(owner);

    const reply = await call('PATCH', '/v1/me', {
      token: stranger.idToken,
      body: { avatarMediaId: upload.mediaId },
    });

    expect(reply.status).toBe(422);
    expect(reply.json.errors).toEqual([expect.objectContaining({ path: 'avatarMediaId' })]);
  });
});

describe('my own media', () => {
  it('can be attached to an item and become my avatar once ready', async () => {
    const upload = await readyJpeg(owner);

    const item = await call('POST', '/v1/items', {
      token: owner.idToken,
      body: { title: 'Mine', mediaIds: [upload.mediaId] },
    });
    const profile = await call('PATCH', '/v1/me', {
      token: owner.idToken,
      body: { avatarMediaId: upload.mediaId },
    });

    expect(item.status).toBe(201);
    expect(item.json.mediaIds).toEqual([upload.mediaId]);
    expect(profile.status).toBe(200);
    expect(profile.json.avatarMediaId).toBe(upload.mediaId);
  });

  it('cannot be attached while still pending', async () => {
    const upload = await requestUpload(owner, 'image/jpeg', jpeg.length);

    const reply = await call('POST', '/v1/items', {
      token: owner.idToken,
      body: { title: 'Too early', mediaIds: [upload.mediaId] },
    });

    expect(reply.status).toBe(422);
  });

  it('is deleted with its object', async () => {
    const upload = await readyJpeg(owner);

    const reply = await call('DELETE', `/v1/media/${upload.mediaId}`, { token: owner.idToken });

    expect(reply.status).toBe(204);
    expect((await mediaOf(owner, upload.mediaId)).status).toBe(404);
    expect(await keysUnder(`media/${owner.sub}/${upload.mediaId}`)).toEqual([]);
  });
});

describe('a duplicate S3 event', () => {
  it('changes nothing', async () => {
    const upload = await readyJpeg(owner);
    const before = await mediaOf(owner, upload.mediaId);
    const { LambdaEndpoint, MediaBucketName } = sandboxOutputs();
    const lambda = new LambdaClient({ ...localConfig, endpoint: LambdaEndpoint });
    const record = s3EventRecord(
      {
        eventName: 'ObjectCreated:Put',
        bucket: MediaBucketName ?? '',
        key: `media/${owner.sub}/${upload.mediaId}`,
        size: jpeg.length,
      },
      { region: 'us-east-1', accountId: '000000000000', configurationId: 'Uploaded' },
    );

    const result = await lambda.send(
      new InvokeCommand({
        FunctionName: 'MediaProcessorFunction',
        Payload: JSON.stringify({ Records: [record] }),
      }),
    );
    lambda.destroy();

    expect(result.FunctionError).toBeUndefined();
    expect(JSON.parse(Buffer.from(result.Payload ?? []).toString())).toEqual([
      { key: `media/${owner.sub}/${upload.mediaId}`, outcome: 'unchanged' },
    ]);
    const after = await mediaOf(owner, upload.mediaId);
    expect({ ...after.json, url: undefined }).toEqual({ ...before.json, url: undefined });
    expect(await keysUnder(`media/${owner.sub}/${upload.mediaId}`)).toHaveLength(1);
  });
});

describe('deleting my account', () => {
  it('erases my media objects and records', async () => {
    const leaving = await newUser();
    const upload = await readyJpeg(leaving);

    const reply = await call('DELETE', '/v1/me', { token: leaving.idToken });
    // The eraser deletes objects before records, so wait for the last step, not the first.
    const erased = await eventually(
      async () => ({
        keys: await keysUnder(`media/${leaving.sub}/`),
        records: (await recordsMentioning(leaving)).filter(
          (record) => record.PK === `MEDIA#${upload.mediaId}`,
        ),
      }),
      (state) => state.keys.length === 0 && state.records.length === 0,
      15_000,
    );
    closeErasureClients();

    expect(reply.status).toBe(202);
    expect(erased).toEqual({ keys: [], records: [] });
    // The erasure's steps start cold in a fresh sandbox.
  }, 30_000);
});
