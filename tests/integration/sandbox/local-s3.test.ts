import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  GetObjectCommand,
  ListObjectVersionsCommand,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import type { S3Event } from 'aws-lambda';
import { startLocalS3, type LocalS3 } from '../../../sandbox/s3/local-s3';
import type { SandboxModel } from '../../../sandbox/template/model';
import { LOCAL_PSEUDO_PARAMETERS } from '../../../sandbox/template/pseudo-parameters';
import type { ResolveContext } from '../../../sandbox/template/resolve';
import { closeServer, listen } from '../../../sandbox/runtime/listen';

const credentials = { accessKeyId: 'local', secretAccessKey: 'local', sessionToken: 'local' };
const ctx: ResolveContext = { parameters: {}, resources: {}, pseudo: LOCAL_PSEUDO_PARAMETERS };
const model = {
  resources: [
    {
      logicalId: 'Media',
      type: 'AWS::S3::Bucket',
      properties: { BucketName: 'media-test' },
      metadata: {},
    },
  ],
  functions: [
    {
      logicalId: 'Processor',
      properties: {
        Events: {
          Uploaded: {
            Type: 'S3',
            Properties: {
              Bucket: { Ref: 'Media' },
              Events: 's3:ObjectCreated:*',
              Filter: { S3Key: { Rules: [{ Name: 'prefix', Value: 'media/' }] } },
            },
          },
        },
      },
    },
  ],
} as unknown as SandboxModel;

let dataDir: string;
let lambda: Server;
let lambdaUrl: string;
const invocations: { path: string; type: string; event: S3Event }[] = [];

async function start(): Promise<{ s3: LocalS3; client: S3Client }> {
  const s3 = await startLocalS3({
    port: 0,
    region: 'us-east-1',
    credentials,
    dataDir,
    log: () => undefined,
  });
  await s3.ensureBuckets(model, ctx);
  s3.deliverEvents({ model, lambdaEndpoint: lambdaUrl, accountId: '000000000000' });
  const client = new S3Client({
    endpoint: s3.endpoint,
    region: 'us-east-1',
    credentials,
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
  return { s3, client };
}

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'local-s3-'));
  // Stands in for the Lambda Invoke API: records what S3 would invoke.
  lambda = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      invocations.push({
        path: request.url ?? '',
        type: String(request.headers['x-amz-invocation-type']),
        event: JSON.parse(Buffer.concat(chunks).toString()) as S3Event,
      });
      response.writeHead(202).end();
    });
  });
  lambdaUrl = await listen(lambda, 0, '127.0.0.1', 'fake Lambda');
});

afterAll(async () => {
  await closeServer(lambda);
  rmSync(dataDir, { recursive: true, force: true });
});

async function bodyOf(client: S3Client, key: string): Promise<Buffer> {
  const object = await client.send(new GetObjectCommand({ Bucket: 'media-test', Key: key }));
  return Buffer.from(await (object.Body?.transformToByteArray() ?? new Uint8Array()));
}

describe('the local S3', () => {
  it('keeps objects across a restart', async () => {
    const first = await start();
    await first.client.send(
      new PutObjectCommand({ Bucket: 'media-test', Key: 'media/u/kept', Body: 'hello' }),
    );
    first.client.destroy();
    await first.s3.stop();

    const second = await start();
    const body = await bodyOf(second.client, 'media/u/kept').finally(async () => {
      second.client.destroy();
      await second.s3.stop();
    });

    expect(body.toString()).toBe('hello');
  });

  it('stores objects larger than the 11 MiB fauxqs accepts in one request', async () => {
    const { s3, client } = await start();
    const big = Buffer.alloc(12 * 1024 * 1024, 7);

    try {
      await client.send(
        new PutObjectCommand({ Bucket: 'media-test', Key: 'media/u/big', Body: big }),
      );
      expect((await bodyOf(client, 'media/u/big')).equals(big)).toBe(true);
    } finally {
      client.destroy();
      await s3.stop();
    }
  });

  it('refuses unsigned requests, as a private bucket does', async () => {
    const { s3, client } = await start();

    const response = await fetch(`${s3.endpoint}/media-test/media/u/kept`).finally(async () => {
      client.destroy();
      await s3.stop();
    });

    expect(response.status).toBe(403);
    expect(await response.text()).toContain('<Code>AccessDenied</Code>');
  });

  it('lists the current objects as their only versions', async () => {
    const { s3, client } = await start();
    await client.send(
      new PutObjectCommand({ Bucket: 'media-test', Key: 'media/v/a b', Body: 'x' }),
    );

    const listed = await client
      .send(new ListObjectVersionsCommand({ Bucket: 'media-test', Prefix: 'media/v/' }))
      .finally(async () => {
        client.destroy();
        await s3.stop();
      });

    expect(listed.Versions?.map((v) => [v.Key, v.VersionId, v.IsLatest])).toEqual([
      ['media/v/a b', 'null', true],
    ]);
  });

  it("answers ListObjectVersions on a missing bucket with S3's 404 NoSuchBucket, not a 500", async () => {
    const { s3, client } = await start();

    const listing = client
      .send(new ListObjectVersionsCommand({ Bucket: 'no-such-bucket' }))
      .finally(async () => {
        client.destroy();
        await s3.stop();
      });

    await expect(listing).rejects.toMatchObject({
      name: 'NoSuchBucket',
      $metadata: { httpStatusCode: 404, attempts: 1 },
    });
  });

  it('invokes the function asynchronously with a real-shaped event for a matching key only', async () => {
    const { s3, client } = await start();
    invocations.length = 0;

    try {
      await client.send(
        new PutObjectCommand({ Bucket: 'media-test', Key: 'media/u/a b.jpg', Body: 'abc' }),
      );
      await client.send(
        new PutObjectCommand({ Bucket: 'media-test', Key: 'other/x', Body: 'abc' }),
      );
      const deadline = Date.now() + 2000;
      while (invocations.length === 0 && Date.now() < deadline) {
        await new Promise((done) => setTimeout(done, 20));
      }
      await new Promise((done) => setTimeout(done, 200));
    } finally {
      client.destroy();
      await s3.stop();
    }

    expect(invocations).toHaveLength(1);
    expect(invocations[0]).toMatchObject({
      path: '/2015-03-31/functions/Processor/invocations',
      type: 'Event',
    });
    expect(invocations[0]?.event.Records[0]).toMatchObject({
      eventSource: 'aws:s3',
      eventName: 'ObjectCreated:Put',
      s3: {
        configurationId: 'Uploaded',
        bucket: { name: 'media-test' },
        object: { key: 'media/u/a+b.jpg', size: 3 },
      },
    });
  });
});
