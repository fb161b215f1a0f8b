import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import {
  DescribeTableCommand,
  DescribeTimeToLiveCommand,
  DynamoDBClient,
  GetItemCommand,
  PutItemCommand,
} from '@aws-sdk/client-dynamodb';
import {
  canListenOnLoopbackOnly,
  startDynamoDbLocal,
} from '../../../sandbox/dynamodb/dynamodb-local';
import { ensureTables } from '../../../sandbox/dynamodb/tables';
import { freePort } from '../../../sandbox/ports';
import type { RunningService } from '../../../sandbox/processes';
import type { TableSpec } from '../../../sandbox/template/model';
import { parseTemplate } from '../../../sandbox/template/parse';

const model = parseTemplate(resolve('template.yaml'));

function clientFor(endpoint: string): DynamoDBClient {
  // Other credentials and region than the sandbox's: -sharedDb must make them irrelevant.
  return new DynamoDBClient({
    endpoint,
    region: 'eu-west-1',
    credentials: { accessKeyId: 'other', secretAccessKey: 'other' },
  });
}

describe('DynamoDB Local in memory with the template tables', () => {
  let dynamoDb: RunningService;
  let client: DynamoDBClient;

  beforeAll(async () => {
    dynamoDb = await startDynamoDbLocal({ port: await freePort() });
    client = clientFor(dynamoDb.endpoint);
  }, 60_000);

  afterAll(async () => {
    client?.destroy();
    await dynamoDb?.stop();
  });

  it('returns the same physical resources when the tables are ensured twice', async () => {
    const first = await ensureTables(client, model.tables);

    const second = await ensureTables(client, model.tables);

    expect(second).toEqual(first);
    expect(Object.keys(second)).toEqual(['AppTable', 'IdempotencyTable']);
  });

  it('creates the app table with its key schema and index', async () => {
    await ensureTables(client, model.tables);

    const { Table: table } = await client.send(new DescribeTableCommand({ TableName: 'AppTable' }));

    expect(table?.KeySchema).toEqual([
      { AttributeName: 'PK', KeyType: 'HASH' },
      { AttributeName: 'SK', KeyType: 'RANGE' },
    ]);
    expect(table?.GlobalSecondaryIndexes?.map((index) => index.IndexName)).toEqual(['GSI1']);
    expect(table?.BillingModeSummary?.BillingMode).toBe('PAY_PER_REQUEST');
  });

  it('gives the app table the ARN and the stream ARN that DynamoDB Local reports', async () => {
    const resources = await ensureTables(client, model.tables);

    const { Table: table } = await client.send(new DescribeTableCommand({ TableName: 'AppTable' }));

    expect(resources.AppTable?.attributes).toEqual({
      Arn: 'arn:aws:dynamodb:us-east-1:000000000000:table/AppTable',
      StreamArn: table?.LatestStreamArn,
    });
    expect(table?.StreamSpecification).toEqual({
      StreamEnabled: true,
      StreamViewType: 'NEW_AND_OLD_IMAGES',
    });
  });

  it('turns on TTL with the attribute of the template', async () => {
    await ensureTables(client, model.tables);

    const { TimeToLiveDescription: ttl } = await client.send(
      new DescribeTimeToLiveCommand({ TableName: 'IdempotencyTable' }),
    );

    expect(ttl).toEqual({ TimeToLiveStatus: 'ENABLED', AttributeName: 'expiration' });
  });

  describe('a table whose stream the template changed', () => {
    const spec: TableSpec = {
      logicalId: 'StreamDrift',
      tableName: 'StreamDriftTable',
      attributeDefinitions: [{ AttributeName: 'PK', AttributeType: 'S' }],
      keySchema: [{ AttributeName: 'PK', KeyType: 'HASH' }],
      globalSecondaryIndexes: [],
      streamViewType: 'KEYS_ONLY',
    };
    const describeStream = async () =>
      (await client.send(new DescribeTableCommand({ TableName: spec.tableName }))).Table;

    it('gets a new stream of the view type the template names now', async () => {
      const before = await ensureTables(client, [spec]);

      const after = await ensureTables(client, [{ ...spec, streamViewType: 'NEW_AND_OLD_IMAGES' }]);

      const table = await describeStream();
      expect(table?.StreamSpecification).toEqual({
        StreamEnabled: true,
        StreamViewType: 'NEW_AND_OLD_IMAGES',
      });
      expect(after.StreamDrift?.attributes.StreamArn).toBe(table?.LatestStreamArn);
      expect(after.StreamDrift?.attributes.StreamArn).not.toBe(
        before.StreamDrift?.attributes.StreamArn,
      );
    });

    it('loses its stream, and its StreamArn, when the template has none', async () => {
      await ensureTables(client, [spec]);

      const after = await ensureTables(client, [{ ...spec, streamViewType: undefined }]);

      expect((await describeStream())?.StreamSpecification?.StreamEnabled).not.toBe(true);
      expect(after.StreamDrift?.attributes).not.toHaveProperty('StreamArn');
    });
  });

  describe('a table whose indexes the template changed', () => {
    const index = (
      name: string,
      attribute: string,
    ): TableSpec['globalSecondaryIndexes'][number] => ({
      IndexName: name,
      KeySchema: [{ AttributeName: attribute, KeyType: 'HASH' }],
      Projection: { ProjectionType: 'KEYS_ONLY' },
    });
    // As in a template, the attributes defined are exactly the keys' attributes.
    const specWith = (...indexes: TableSpec['globalSecondaryIndexes']): TableSpec => ({
      logicalId: 'IndexDrift',
      tableName: 'IndexDriftTable',
      attributeDefinitions: [
        'PK',
        ...new Set(indexes.map((i) => i.KeySchema[0]?.AttributeName)),
      ].map((name) => ({ AttributeName: String(name), AttributeType: 'S' })),
      keySchema: [{ AttributeName: 'PK', KeyType: 'HASH' }],
      globalSecondaryIndexes: indexes,
    });
    const spec = specWith(index('ByA', 'A'));
    const indexNames = async () =>
      (
        await client.send(new DescribeTableCommand({ TableName: spec.tableName }))
      ).Table?.GlobalSecondaryIndexes?.map((found) => found.IndexName);

    it('drops the indexes the template no longer names and creates the new ones', async () => {
      await ensureTables(client, [spec]);

      await ensureTables(client, [specWith(index('ByB', 'B'))]);

      expect(await indexNames()).toEqual(['ByB']);
    });

    it('refuses an index that keeps its name but changes its keys, as CloudFormation does', async () => {
      await ensureTables(client, [specWith(index('ByB', 'B'))]);

      const changed = ensureTables(client, [specWith(index('ByB', 'A'))]);

      await expect(changed).rejects.toThrow(
        'Index ByB of IndexDrift has other keys or another projection than the local table',
      );
      expect(await indexNames()).toEqual(['ByB']);
    });
  });

  it('refuses to start a second instance on the same port, naming port and service', async () => {
    const port = Number(new URL(dynamoDb.endpoint).port);

    const start = startDynamoDbLocal({ port });

    await expect(start).rejects.toThrow(
      `Port ${port} (DynamoDB Local) is in use; pass --dynamodb-port or stop the other process`,
    );
  });
});

// The archive's gain is measured by `npm run bench -- start-up`; here, that it is used.
const withJdkOnLinux =
  canListenOnLoopbackOnly() && process.platform === 'linux' ? describe : describe.skip;

withJdkOnLinux('DynamoDB Local with a kept launcher', () => {
  let keepDir: string;

  beforeAll(() => {
    keepDir = mkdtempSync(join(tmpdir(), 'dynamodb-launcher-'));
  });

  afterAll(() => {
    rmSync(keepDir, { recursive: true, force: true });
  });

  const archivesIn = (dir: string) =>
    readdirSync(dir, { recursive: true, encoding: 'utf8' })
      .filter((name) => name.endsWith('.jsa'))
      .map((name) => join(dir, name));

  it('maps, from its next start, the class data archive its JVM wrote at exit', async () => {
    const first = await startDynamoDbLocal({ port: await freePort(), keepLauncherIn: keepDir });
    expect(archivesIn(keepDir)).toEqual([]);
    await first.stop();
    const [archive, ...others] = archivesIn(keepDir);
    expect(archive).toBeDefined();
    expect(others).toEqual([]);

    const second = await startDynamoDbLocal({ port: await freePort(), keepLauncherIn: keepDir });
    try {
      const maps = readFileSync(`/proc/${second.processId()}/maps`, 'utf8');

      expect(maps).toContain(archive);
    } finally {
      await second.stop();
    }
  }, 90_000);
});

describe('DynamoDB Local without Java', () => {
  const path = process.env.PATH;

  afterEach(() => {
    process.env.PATH = path;
  });

  it('explains how to install Java 17', async () => {
    const port = await freePort();
    process.env.PATH = '';

    const start = startDynamoDbLocal({ port });

    await expect(start).rejects.toThrow(/sudo apt-get install openjdk-17-jre-headless/);
  });
});

describe('DynamoDB Local with a data directory', () => {
  let dataDir: string;

  beforeAll(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'dynamodb-data-'));
  });

  afterAll(() => {
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('keeps items across a restart', async () => {
    const item = { PK: { S: 'USER#1' }, SK: { S: 'PROFILE' }, name: { S: 'Ada' } };
    const first = await startDynamoDbLocal({ port: await freePort(), dataDir });
    const firstClient = clientFor(first.endpoint);
    try {
      await ensureTables(firstClient, model.tables);
      await firstClient.send(new PutItemCommand({ TableName: 'AppTable', Item: item }));
    } finally {
      firstClient.destroy();
      await first.stop();
    }

    const second = await startDynamoDbLocal({ port: await freePort(), dataDir });
    const secondClient = clientFor(second.endpoint);
    try {
      await ensureTables(secondClient, model.tables);
      const { Item: stored } = await secondClient.send(
        new GetItemCommand({ TableName: 'AppTable', Key: { PK: item.PK, SK: item.SK } }),
      );

      expect(stored).toEqual(item);
    } finally {
      secondClient.destroy();
      await second.stop();
    }
  }, 60_000);

  it('starts again by itself when its JVM is killed under writes, keeping every acknowledged write', async () => {
    const restarts: string[] = [];
    const dynamoDb = await startDynamoDbLocal({
      port: await freePort(),
      dataDir,
      onRestart: (message) => restarts.push(message),
    });
    const client = clientFor(dynamoDb.endpoint);
    try {
      await ensureTables(client, model.tables);
      const acknowledged: string[] = [];
      const writes = Array.from({ length: 200 }, async (_, n) => {
        const key = { PK: { S: `KILL#${n}` }, SK: { S: 'ITEM' } };
        await client.send(new PutItemCommand({ TableName: 'AppTable', Item: key }));
        acknowledged.push(key.PK.S);
      });
      setTimeout(() => process.kill(dynamoDb.processId() ?? 0, 'SIGKILL'), 50);
      await Promise.allSettled(writes);

      // Answering again without anyone restarting it: every write it acknowledged is there.
      const read = async (pk: string) =>
        client.send(
          new GetItemCommand({ TableName: 'AppTable', Key: { PK: { S: pk }, SK: { S: 'ITEM' } } }),
        );
      await eventually(
        () =>
          read('KILL#0')
            .then(() => true)
            .catch(() => false),
        30_000,
      );
      // The supervisor says so once the new JVM passed its probe, which can be
      // a moment after it first answers.
      await eventually(async () => restarts.length > 0, 30_000);
      const found = await Promise.all(acknowledged.map(async (pk) => (await read(pk)).Item));

      expect(restarts.join('\n')).toMatch(/exited \(SIGKILL\); started again on its data/);
      expect(found.filter((item) => item === undefined)).toEqual([]);
    } finally {
      client.destroy();
      await dynamoDb.stop();
    }
  }, 90_000);
});

describe('DynamoDB Local when its process is told to stop', () => {
  /** Java processes listening on the port, by their command lines in /proc. */
  const jvmsOn = (port: number): number[] =>
    readdirSync('/proc')
      .filter((name) => /^\d+$/.test(name))
      .filter((pid) => {
        try {
          const command = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
          const at = command.indexOf('-port');
          return command[0] === 'java' && command[at + 1] === String(port);
        } catch {
          return false;
        }
      })
      .map(Number);

  // SIGTERM (or Ctrl-C) stops the JVM at once, before the DynamoDB Local row
  // stops: a supervisor that took that exit for a crash started another JVM,
  // which outlived a sandbox that was then killed, holding the port.
  const onLinux = process.platform === 'linux' ? it : it.skip;
  onLinux(
    'does not take the JVM it stopped for a crash, and leaves no JVM behind',
    async () => {
      const port = await freePort();
      const script = 'tests/integration/sandbox/support/dynamodb-local-on-signal.ts';
      const child = spawn(process.execPath, ['--import', 'tsx', script, String(port)], {
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      const lines: string[] = [];
      child.stdout
        .setEncoding('utf8')
        .on('data', (chunk: string) => lines.push(...chunk.split('\n')));
      const exited = new Promise((resolve) => child.once('exit', resolve));
      await eventually(async () => lines.some((line) => line.includes('ready')), 30_000);

      child.kill('SIGTERM');
      const seen = new Set<number>();
      const watchUntil = Date.now() + 6_000;
      while (Date.now() < watchUntil) {
        jvmsOn(port).forEach((pid) => seen.add(pid));
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      await exited;
      const report = JSON.parse(lines.find((line) => line.includes('restarts')) ?? '{}');

      expect(report.restarts).toEqual([]);
      expect(seen.size).toBeLessThanOrEqual(1);
      expect(jvmsOn(port)).toEqual([]);
    },
    60_000,
  );
});

async function eventually(check: () => Promise<boolean>, ms: number): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`not within ${ms} ms`);
    await new Promise((done) => setTimeout(done, 200));
  }
}
