import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  CreateQueueCommand,
  DeleteMessageBatchCommand,
  ReceiveMessageCommand,
  SendMessageBatchCommand,
  SQSClient,
} from '@aws-sdk/client-sqs';
import { DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import { createBenchUser } from './lib/bench-user';
import { startSandboxProcess } from '../sandbox/spawn-sandbox';
import { recordResults } from './lib/results';
import { ms, percentile, perSecond } from './lib/stats';
import { unthrottled } from './lib/unthrottled';

// Send → stored → pushed through the sandbox (gateway, MessagingApiFunction,
// SQS, the event source mapping, MessageWorkerFunction, DynamoDB Local, the
// local SNS), and the worker's throughput against raw receive/delete on the
// same local SQS, measured in the same run.
const LATENCY_SAMPLES = 200;
const THROUGHPUT_MESSAGES = 1000;
const POLL_MS = 2;
const THROUGHPUT_POLL_MS = 200;
const local = {
  region: 'us-east-1',
  credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
};
const sleep = (msec: number) => new Promise((done) => setTimeout(done, msec));

export async function benchMessaging(): Promise<void> {
  const sandbox = await startSandboxProcess(unthrottled);
  try {
    const outputs = JSON.parse(readFileSync(sandbox.outputsFile, 'utf8')) as Record<string, string>;
    const api = outputs.ApiUrl as string;
    const user = async () => {
      const { sub, headers } = await createBenchUser(outputs);
      // The profile makes the user a valid recipient.
      await fetch(`${api}/v1/me`, { headers });
      return { sub, headers: { ...headers, 'Content-Type': 'application/json' } };
    };
    const [recipient, sender] = [await user(), await user()];
    await fetch(`${api}/v1/devices`, {
      method: 'POST',
      headers: recipient.headers,
      body: JSON.stringify({ platform: 'ios', token: `bench-${randomUUID()}` }),
    });
    const documents = DynamoDBDocumentClient.from(
      new DynamoDBClient({ ...local, endpoint: outputs.DynamoDbEndpoint }),
    );
    const conversation = `CONV#${[recipient.sub, sender.sub].sort().join('#')}`;
    const outbox = `${outputs.PushOutboxUrl}?userId=${recipient.sub}`;
    const pushCount = async () =>
      ((await (await fetch(outbox)).json()) as { items: unknown[] }).items.length;

    // Latency: one message at a time, polling the table and the outbox.
    const stored: number[] = [];
    const pushed: number[] = [];
    const accepted: number[] = [];
    for (let i = 0; i < LATENCY_SAMPLES + 10; i++) {
      const before = await pushCount();
      const t0 = performance.now();
      const reply = await fetch(`${api}/v1/messages`, {
        method: 'POST',
        headers: sender.headers,
        body: JSON.stringify({ to: recipient.sub, text: `bench ${i}` }),
      });
      const { messageId } = (await reply.json()) as { messageId: string };
      const tAccepted = performance.now();
      let tStored = 0;
      let tPushed = 0;
      while (tStored === 0 || tPushed === 0) {
        if (tStored === 0) {
          const { Item } = await documents.send(
            new GetCommand({
              TableName: outputs.AppTableName,
              Key: { PK: conversation, SK: `MSG#${messageId}` },
            }),
          );
          if (Item) tStored = performance.now();
        }
        if (tPushed === 0 && (await pushCount()) > before) tPushed = performance.now();
        await sleep(POLL_MS);
      }
      if (i < 10) continue; // warm-up
      accepted.push(tAccepted - t0);
      stored.push(tStored - t0);
      pushed.push(tPushed - t0);
    }

    // Worker throughput: a backlog straight on the queue, timed until every push is out.
    const sqs = new SQSClient({ ...local, endpoint: outputs.SqsEndpoint });
    const enqueue = async (queueUrl: string, bodies: string[]) => {
      for (let start = 0; start < bodies.length; start += 10) {
        await sqs.send(
          new SendMessageBatchCommand({
            QueueUrl: queueUrl,
            Entries: bodies
              .slice(start, start + 10)
              .map((MessageBody, index) => ({ Id: String(index), MessageBody })),
          }),
        );
      }
    };
    const backlog = Array.from({ length: THROUGHPUT_MESSAGES }, (_, i) =>
      JSON.stringify({
        messageId: randomUUID(),
        from: sender.sub,
        to: recipient.sub,
        text: `load ${i}`,
        sentAt: new Date().toISOString(),
      }),
    );
    // An empty outbox, polled a few times a second: serving a long outbox
    // every few milliseconds would cost the sandbox the CPU it is measured on.
    await fetch(outputs.PushOutboxUrl as string, { method: 'DELETE' });
    const w0 = performance.now();
    await enqueue(outputs.MessageQueueUrl as string, backlog);
    while ((await pushCount()) < THROUGHPUT_MESSAGES) await sleep(THROUGHPUT_POLL_MS);
    const workerRate = THROUGHPUT_MESSAGES / ((performance.now() - w0) / 1000);

    // Raw SQS: the same number of messages received and deleted by five pollers, as the mapping does.
    const { QueueUrl: rawQueue } = await sqs.send(
      new CreateQueueCommand({ QueueName: `BenchRaw${Date.now()}` }),
    );
    await enqueue(rawQueue as string, backlog);
    let drained = 0;
    const r0 = performance.now();
    await Promise.all(
      Array.from({ length: 5 }, async () => {
        while (drained < THROUGHPUT_MESSAGES) {
          const { Messages = [] } = await sqs.send(
            new ReceiveMessageCommand({
              QueueUrl: rawQueue,
              MaxNumberOfMessages: 10,
              WaitTimeSeconds: 1,
            }),
          );
          if (Messages.length === 0) continue;
          await sqs.send(
            new DeleteMessageBatchCommand({
              QueueUrl: rawQueue,
              Entries: Messages.map((m, index) => ({
                Id: String(index),
                ReceiptHandle: m.ReceiptHandle ?? '',
              })),
            }),
          );
          drained += Messages.length;
        }
      }),
    );
    const rawRate = THROUGHPUT_MESSAGES / ((performance.now() - r0) / 1000);

    const row = (name: string, samples: number[]) =>
      `| ${name} | ${ms(percentile(samples, 50))} | ${ms(percentile(samples, 99))} |`;
    const table = [
      '| from `POST /v1/messages` to | p50 | p99 |',
      '| --- | --- | --- |',
      row('`202` received', accepted),
      row('stored in the conversation', stored),
      row('push in the outbox', pushed),
      '',
      '| throughput | messages/s |',
      '| --- | --- |',
      `| worker: SQS → stored → pushed (${THROUGHPUT_MESSAGES} backlog, BatchSize 10, 5 pollers) | ${perSecond(workerRate)} |`,
      `| raw local SQS receive(10) + delete batch, 5 pollers (baseline) | ${perSecond(rawRate)} |`,
    ].join('\n');
    const note = `Worker throughput is ${((workerRate / rawRate) * 100).toFixed(0)}% of raw receive/delete. Latencies polled every ${POLL_MS} ms (table GetItem, outbox GET), so they include up to one poll interval.`;
    console.log(`\n${table}\n\n${note}\n`);
    await recordResults(
      'Messaging: send → stored → pushed',
      `Command: \`npm run bench -- messaging\` (${new Date().toISOString().slice(0, 10)}, Node ${process.version}). ${LATENCY_SAMPLES} sequential sends after 10 warm-up sends, one recipient device (APNs).\n\n${table}\n\n${note}`,
    );
  } finally {
    await sandbox.stop();
  }
}
