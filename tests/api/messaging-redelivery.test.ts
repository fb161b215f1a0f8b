// Worker failures need retries that come back in seconds, not minutes: this
// file starts its own sandbox with a 5 s visibility timeout (longer than a cold
// invocation with retried pushes) and two receives before the dead-letter queue.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { jest } from '@jest/globals';
import {
  ReceiveMessageCommand,
  SendMessageBatchCommand,
  SendMessageCommand,
  SQSClient,
} from '@aws-sdk/client-sqs';
import { startSandboxProcess, type SandboxProcess } from '../../sandbox/spawn-sandbox';
import { eventually } from './support/http';
import type { SandboxOutputs } from './support/outputs';
import { conversationOf, pushesTo, registerDevice, withProfile } from './support/messaging';
import { newUser, type TestUser } from './support/users';

jest.setTimeout(60_000);

let sandbox: SandboxProcess;
let outputs: SandboxOutputs;
let sqs: SQSClient;
const globalOutputsFile = process.env.SANDBOX_OUTPUTS_FILE;

beforeAll(async () => {
  sandbox = await startSandboxProcess([
    '--parameter-overrides',
    'MessageQueueVisibilityTimeout=5 MessageMaxReceiveCount=2',
  ]);
  process.env.SANDBOX_OUTPUTS_FILE = sandbox.outputsFile;
  outputs = JSON.parse(readFileSync(sandbox.outputsFile, 'utf8')) as SandboxOutputs;
  sqs = new SQSClient({
    endpoint: outputs.SqsEndpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
}, 120_000);

afterAll(async () => {
  sqs.destroy();
  await sandbox.stop();
  process.env.SANDBOX_OUTPUTS_FILE = globalOutputsFile;
});

/** A message as POST /v1/messages queues it. */
function queued(from: TestUser, to: TestUser, text: string) {
  return {
    messageId: randomUUID(),
    from: from.sub,
    to: to.sub,
    text,
    sentAt: new Date().toISOString(),
  };
}

async function deadLetters(): Promise<string[]> {
  const bodies: string[] = [];
  for (;;) {
    const { Messages = [] } = await sqs.send(
      new ReceiveMessageCommand({
        QueueUrl: outputs.MessageDeadLetterQueueUrl,
        MaxNumberOfMessages: 10,
        WaitTimeSeconds: 1,
        VisibilityTimeout: 30,
      }),
    );
    if (Messages.length === 0) return bodies;
    bodies.push(...Messages.map((message) => message.Body ?? ''));
  }
}

describe('message worker failures', () => {
  it('retries only the failed record of a batch and stores nothing twice', async () => {
    // prepare: C's only phone is behind a push provider that fails every time.
    const [a, b, c] = await Promise.all([newUser(), newUser(), newUser()]);
    await Promise.all([withProfile(a), withProfile(b), withProfile(c)]);
    await registerDevice(a, 'ios');
    await registerDevice(c, 'ios', `error-${randomUUID()}`);
    const toA = queued(b, a, 'for A');
    const toC = queued(b, c, 'for C');

    // act: one batch holding both messages.
    await sqs.send(
      new SendMessageBatchCommand({
        QueueUrl: outputs.MessageQueueUrl,
        Entries: [toA, toC].map((message, index) => ({
          Id: String(index),
          MessageBody: JSON.stringify(message),
        })),
      }),
    );
    const dead = await eventually(deadLetters, (bodies) => bodies.length > 0, 30_000);

    // assess
    expect(dead.map((body) => (JSON.parse(body) as { messageId: string }).messageId)).toEqual([
      toC.messageId,
    ]);
    expect(await pushesTo(a)).toHaveLength(1);
    expect((await conversationOf(a, b)).json.items).toHaveLength(1);
    expect((await conversationOf(c, b)).json.items).toHaveLength(1);
  });

  it('pushes a retried message only to the phone that missed it, never twice to the other', async () => {
    // prepare: D's phone works; D's tablet is behind a provider that fails every time.
    const [sender, d] = await Promise.all([newUser(), newUser()]);
    await Promise.all([withProfile(sender), withProfile(d)]);
    await registerDevice(d, 'ios');
    await registerDevice(d, 'android', `error-${randomUUID()}`);
    const toD = queued(sender, d, 'for D');

    // act: every receive fails on the tablet, until the dead-letter queue takes it.
    await sqs.send(
      new SendMessageCommand({
        QueueUrl: outputs.MessageQueueUrl,
        MessageBody: JSON.stringify(toD),
      }),
    );
    const dead = await eventually(
      deadLetters,
      (bodies) => bodies.some((body) => body.includes(toD.messageId)),
      30_000,
    );

    // assess: received twice, but the phone got one push.
    expect(dead.join('\n')).toContain(toD.messageId);
    const pushes = await pushesTo(d);
    expect(pushes.filter((push) => !push.token.startsWith('error-'))).toHaveLength(1);
    expect((await conversationOf(d, sender)).json.items).toHaveLength(1);
  });

  it('moves a poison message to the dead-letter queue', async () => {
    await sqs.send(
      new SendMessageCommand({ QueueUrl: outputs.MessageQueueUrl, MessageBody: 'not a message' }),
    );

    const dead = await eventually(deadLetters, (bodies) => bodies.length > 0, 30_000);

    expect(dead).toEqual(['not a message']);
  });
});
