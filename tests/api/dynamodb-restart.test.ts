// Fault injection through the sandbox: DynamoDB Local's JVM is killed while
// clients write. Its own sandbox, persistent as `npm start` is, so that the
// data outlives the JVM. Every write the API acknowledged must still be there,
// and the sandbox must recover by itself: reads, writes and search indexing.
import { readdirSync, readFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { jest } from '@jest/globals';
import { startSandboxProcess, type SandboxProcess } from '../../sandbox/spawn-sandbox';
import { call, eventually, type ApiReply } from './support/http';
import type { SandboxOutputs } from './support/outputs';
import { newUser, type TestUser } from './support/users';

jest.setTimeout(120_000);

let sandbox: SandboxProcess;
let outputs: SandboxOutputs;
let user: TestUser;
const globalOutputsFile = process.env.SANDBOX_OUTPUTS_FILE;

beforeAll(async () => {
  sandbox = await startSandboxProcess(['--async-retry-delay-ms', '200'], { persistent: true });
  process.env.SANDBOX_OUTPUTS_FILE = sandbox.outputsFile;
  outputs = JSON.parse(readFileSync(sandbox.outputsFile, 'utf8')) as SandboxOutputs;
  user = await newUser();
}, 120_000);

afterAll(async () => {
  await sandbox.stop();
  process.env.SANDBOX_OUTPUTS_FILE = globalOutputsFile;
});

/** The pid of the JVM serving DynamoDB Local on the sandbox's port. */
function dynamoDbLocalPid(): number {
  const port = new URL(outputs.DynamoDbEndpoint ?? '').port;
  for (const entry of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      const args = readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0');
      const portAt = args.indexOf('-port');
      // The jar is `-jar`'s argument, or on the class path of the loopback launcher.
      if (args.some((arg) => arg.includes('DynamoDBLocal.jar')) && args[portAt + 1] === port) {
        return Number(entry);
      }
    } catch {
      // A process that ended while we looked.
    }
  }
  throw new Error(`No DynamoDB Local JVM on port ${port}`);
}

const createItem = (title: string, extra: Record<string, unknown> = {}): Promise<ApiReply> =>
  call('POST', '/v1/items', { token: user.idToken, body: { title, ...extra } });

it('keeps every acknowledged write when DynamoDB Local dies under load, and recovers by itself', async () => {
  // prepare
  const jvm = dynamoDbLocalPid();
  const replies: Promise<ApiReply>[] = [];

  // act: 60 writes over about three seconds, the JVM killed half a second in.
  const killed = new Promise<void>((done) =>
    setTimeout(() => {
      process.kill(jvm, 'SIGKILL');
      done();
    }, 500),
  );
  for (let n = 0; n < 60; n++) {
    replies.push(createItem(`Under load ${n}`));
    await new Promise((done) => setTimeout(done, 50));
  }
  await killed;
  const settled = await Promise.all(replies);
  const acknowledged = settled.filter((reply) => reply.status === 201);
  const recovered = await eventually(
    () => createItem('After the restart'),
    (reply) => reply.status === 201,
    60_000,
  );

  // assess
  expect(dynamoDbLocalPid()).not.toBe(jvm);
  expect(recovered.status).toBe(201);
  expect(settled.every((reply) => reply.status === 201 || reply.status >= 500)).toBe(true);
  const stored = await Promise.all(
    acknowledged.map((reply) =>
      call('GET', `/v1/items/${String(reply.json.id)}`, { token: user.idToken }),
    ),
  );
  expect(stored.filter((reply) => reply.status !== 200)).toEqual([]);
});

it('indexes new items for search again after the restart', async () => {
  const tag = `after-${randomUUID().slice(0, 8)}`;

  const created = await createItem('Findable again', { tags: [tag], visibility: 'public' });
  const found = await eventually(
    () => call('GET', `/v1/search?tags=${tag}`, { token: user.idToken }),
    (reply) => (reply.json.items?.length ?? 0) > 0,
    30_000,
  );

  expect(created.status).toBe(201);
  expect(found.json.items?.map((item) => item.id)).toEqual([created.json.id]);
});
