import { jest } from '@jest/globals';
import { createHash } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import {
  ReceiveMessageCommand,
  SendMessageBatchCommand,
  SendMessageCommand,
  SQSClient,
} from '@aws-sdk/client-sqs';
import type { SQSEvent } from 'aws-lambda';
import { startLocalSqs, type LocalSqs } from '../../../sandbox/queues/local-sqs';
import { ensureQueues, readQueues } from '../../../sandbox/queues/queues';
import { buildAll, functionDir } from '../../../sandbox/runtime/build';
import { createFunctionHost, type FunctionHost } from '../../../sandbox/runtime/function-host';
import {
  startSqsEventSourceMapping,
  type SqsEventSourceMapping,
} from '../../../sandbox/sqs-events/event-source-mapping';
import type { FunctionSpec, SandboxModel } from '../../../sandbox/template/model';
import { LOCAL_PSEUDO_PARAMETERS } from '../../../sandbox/template/pseudo-parameters';
import { fixturesDir, probeFunction, temporaryDir } from '../runtime/fixtures';

const sqsProbe: FunctionSpec = probeFunction({
  logicalId: 'SqsProbeFunction',
  codeUri: join(fixturesDir, 'functions', 'sqs-probe'),
  layers: [],
  buildProperties: { ...probeFunction().buildProperties, External: [] },
});

let outDir: string;
let sqs: LocalSqs;
let client: SQSClient;
let host: FunctionHost;
let mapping: SqsEventSourceMapping | undefined;
let queueNumber = 0;

jest.setTimeout(30_000);

beforeAll(async () => {
  outDir = await temporaryDir('sqs-events');
  await buildAll({ functions: [sqsProbe], layers: [] }, outDir);
  sqs = await startLocalSqs({ port: 0, region: 'us-east-1' });
  client = new SQSClient({
    endpoint: sqs.endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  host = createFunctionHost({
    fn: sqsProbe,
    codeDir: functionDir(outDir, sqsProbe.logicalId),
    environment: {},
    logFile: join(outDir, 'functions.log'),
  });
}, 30_000);

afterEach(async () => {
  await mapping?.close();
  mapping = undefined;
});

afterAll(async () => {
  await host.close();
  client.destroy();
  await sqs.stop();
  await rm(outDir, { recursive: true, force: true });
});

/** A work queue redriving to its DLQ after `maxReceiveCount` receives. */
async function queues(maxReceiveCount = 3, visibilityTimeout = 3) {
  queueNumber += 1;
  const model = {
    resources: [
      {
        logicalId: `Work${queueNumber}`,
        type: 'AWS::SQS::Queue',
        metadata: {},
        properties: {
          VisibilityTimeout: visibilityTimeout,
          RedrivePolicy: {
            deadLetterTargetArn: { 'Fn::GetAtt': [`Dead${queueNumber}`, 'Arn'] },
            maxReceiveCount,
          },
        },
      },
      { logicalId: `Dead${queueNumber}`, type: 'AWS::SQS::Queue', metadata: {}, properties: {} },
    ],
  } as SandboxModel;
  const created = await ensureQueues(client, readQueues(model), {
    parameters: {},
    resources: {},
    pseudo: LOCAL_PSEUDO_PARAMETERS,
  });
  const work = created[`Work${queueNumber}`];
  const dead = created[`Dead${queueNumber}`];
  if (!work || !dead) throw new Error('queues not created');
  return { url: work.ref, arn: work.attributes.Arn ?? '', deadUrl: dead.ref };
}

/** Starts the mapping; every event the function gets is kept in `events`. */
function map(
  queue: { url: string; arn: string },
  settings: { batchSize?: number; window?: number } = {},
): SQSEvent[] {
  const events: SQSEvent[] = [];
  mapping = startSqsEventSourceMapping({
    client,
    queueUrl: queue.url,
    queueArn: queue.arn,
    region: 'us-east-1',
    batchSize: settings.batchSize ?? 10,
    maximumBatchingWindowInSeconds: settings.window ?? 0,
    reportBatchItemFailures: true,
    concurrency: 1,
    invoke: async (event) => {
      events.push(event);
      return host.invoke(event);
    },
  });
  return events;
}

async function until(check: () => boolean | Promise<boolean>, ms = 10_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((done) => setTimeout(done, 50));
  }
}

const bodiesOf = (events: SQSEvent[]) =>
  events.flatMap((event) =>
    event.Records.map((record) => JSON.parse(record.body) as { n: number }),
  );

async function sendBatch(url: string, bodies: object[]): Promise<void> {
  await client.send(
    new SendMessageBatchCommand({
      QueueUrl: url,
      Entries: bodies.map((body, index) => ({
        Id: String(index),
        MessageBody: JSON.stringify(body),
      })),
    }),
  );
}

async function remaining(url: string): Promise<number> {
  const { Messages = [] } = await client.send(
    new ReceiveMessageCommand({ QueueUrl: url, MaxNumberOfMessages: 10, WaitTimeSeconds: 0 }),
  );
  return Messages.length;
}

describe('the SQS event source mapping', () => {
  it('invokes the function with an SQSEvent record as Lambda builds it', async () => {
    // prepare
    const queue = await queues();
    const events = map(queue);

    // act
    await client.send(new SendMessageCommand({ QueueUrl: queue.url, MessageBody: '{"n":1}' }));
    await until(() => events.length === 1);

    // assess
    expect(events[0]?.Records[0]).toEqual({
      messageId: expect.any(String),
      receiptHandle: expect.any(String),
      body: '{"n":1}',
      attributes: expect.objectContaining({
        ApproximateReceiveCount: '1',
        SentTimestamp: expect.stringMatching(/^\d+$/),
        SenderId: expect.any(String),
        ApproximateFirstReceiveTimestamp: expect.stringMatching(/^\d+$/),
      }),
      messageAttributes: {},
      md5OfBody: createHash('md5').update('{"n":1}').digest('hex'),
      eventSource: 'aws:sqs',
      eventSourceARN: queue.arn,
      awsRegion: 'us-east-1',
    });
  });

  it('deletes a batch the function processed completely', async () => {
    const queue = await queues();
    const events = map(queue);

    await sendBatch(queue.url, [{ n: 1 }, { n: 2 }]);
    await until(() => bodiesOf(events).length === 2);
    await new Promise((done) => setTimeout(done, 1500));

    expect(bodiesOf(events)).toHaveLength(2);
    await mapping?.close();
    expect(await remaining(queue.url)).toBe(0);
  });

  it('gathers the messages of the batching window into one invocation', async () => {
    // prepare
    const queue = await queues();
    const events = map(queue, { batchSize: 5, window: 2 });

    // act
    for (const n of [1, 2, 3]) {
      await client.send(
        new SendMessageCommand({ QueueUrl: queue.url, MessageBody: JSON.stringify({ n }) }),
      );
      await new Promise((done) => setTimeout(done, 300));
    }
    await until(() => bodiesOf(events).length === 3);

    // assess
    expect(events).toHaveLength(1);
  });

  it('redelivers only the records the function reported as failed', async () => {
    // prepare
    const queue = await queues(3);
    const events = map(queue, { batchSize: 10, window: 1 });

    // act
    await sendBatch(queue.url, [{ n: 1 }, { n: 2, fail: true }, { n: 3 }]);
    await until(() => bodiesOf(events).filter((body) => body.n === 2).length === 2);

    // assess
    const delivered = bodiesOf(events).map((body) => body.n);
    expect(delivered.filter((n) => n === 1)).toHaveLength(1);
    expect(delivered.filter((n) => n === 3)).toHaveLength(1);
    const retry = events.at(-1)?.Records[0];
    expect(retry?.attributes.ApproximateReceiveCount).toBe('2');
  });

  it('redelivers the whole batch when the invocation fails', async () => {
    const queue = await queues(3);
    const events = map(queue, { batchSize: 10, window: 1 });

    await sendBatch(queue.url, [{ n: 1 }, { n: 2, crash: true }]);
    await until(() => bodiesOf(events).filter((body) => body.n === 1).length === 2);

    expect(bodiesOf(events).filter((body) => body.n === 2).length).toBeGreaterThanOrEqual(2);
  });

  it('moves a record that keeps failing to the dead-letter queue after maxReceiveCount', async () => {
    // prepare
    const queue = await queues(2, 1);
    const events = map(queue);

    // act
    await client.send(
      new SendMessageCommand({
        QueueUrl: queue.url,
        MessageBody: JSON.stringify({ n: 9, fail: true }),
      }),
    );
    await until(() => events.length === 2);
    const dead = await client.send(
      new ReceiveMessageCommand({ QueueUrl: queue.deadUrl, WaitTimeSeconds: 5 }),
    );

    // assess
    expect(dead.Messages?.map((message) => message.Body)).toEqual(['{"n":9,"fail":true}']);
    expect(events).toHaveLength(2);
  });
});
