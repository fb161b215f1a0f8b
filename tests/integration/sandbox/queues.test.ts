import { ReceiveMessageCommand, SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { startLocalSqs, type LocalSqs } from '../../../sandbox/queues/local-sqs';
import { ensureQueues, readQueues } from '../../../sandbox/queues/queues';
import type { SandboxModel } from '../../../sandbox/template/model';
import { LOCAL_PSEUDO_PARAMETERS } from '../../../sandbox/template/pseudo-parameters';
import type { ResolveContext } from '../../../sandbox/template/resolve';

let sqs: LocalSqs;
let client: SQSClient;

beforeAll(async () => {
  sqs = await startLocalSqs({ port: 0, region: 'us-east-1' });
  client = new SQSClient({
    endpoint: sqs.endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
});

afterAll(async () => {
  client.destroy();
  await sqs.stop();
});

function modelWith(resources: SandboxModel['resources']): SandboxModel {
  return { resources } as SandboxModel;
}

const ctx: ResolveContext = { parameters: {}, resources: {}, pseudo: LOCAL_PSEUDO_PARAMETERS };

describe('queues from the template on the local SQS', () => {
  it('creates a queue whose redrive policy moves a message to its dead-letter queue', async () => {
    const model = modelWith([
      {
        logicalId: 'WorkQueue',
        type: 'AWS::SQS::Queue',
        metadata: {},
        properties: {
          VisibilityTimeout: 1,
          RedrivePolicy: {
            deadLetterTargetArn: { 'Fn::GetAtt': ['WorkDlq', 'Arn'] },
            maxReceiveCount: 1,
          },
        },
      },
      { logicalId: 'WorkDlq', type: 'AWS::SQS::Queue', metadata: {}, properties: {} },
    ]);

    const queues = await ensureQueues(client, readQueues(model), ctx);
    await client.send(
      new SendMessageCommand({ QueueUrl: queues.WorkQueue?.ref, MessageBody: 'poison' }),
    );
    await client.send(
      new ReceiveMessageCommand({ QueueUrl: queues.WorkQueue?.ref, WaitTimeSeconds: 1 }),
    );
    await new Promise((done) => setTimeout(done, 1100));
    await client.send(
      new ReceiveMessageCommand({ QueueUrl: queues.WorkQueue?.ref, WaitTimeSeconds: 1 }),
    );
    const dead = await client.send(
      new ReceiveMessageCommand({ QueueUrl: queues.WorkDlq?.ref, WaitTimeSeconds: 2 }),
    );

    expect(dead.Messages?.map((message) => message.Body)).toEqual(['poison']);
    expect(queues.WorkDlq?.attributes.Arn).toMatch(/^arn:aws:sqs:us-east-1:\d+:WorkDlq$/);
  });

  it('keeps queue names given in the template', async () => {
    const model = modelWith([
      {
        logicalId: 'Named',
        type: 'AWS::SQS::Queue',
        metadata: {},
        properties: { QueueName: 'orders' },
      },
    ]);

    const queues = await ensureQueues(client, readQueues(model), ctx);

    expect(queues.Named?.attributes.QueueName).toBe('orders');
    expect(queues.Named?.ref).toMatch(/\/orders$/);
  });
});

describe('message bodies on the local SQS', () => {
  async function aQueue(): Promise<string> {
    const model = modelWith([
      { logicalId: 'TextQueue', type: 'AWS::SQS::Queue', metadata: {}, properties: {} },
    ]);
    const resources = await ensureQueues(client, readQueues(model), ctx);
    return resources.TextQueue?.ref ?? '';
  }

  it('carries characters outside the Basic Multilingual Plane, as SQS does', async () => {
    const queueUrl = await aQueue();

    await client.send(new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: 'hi 🦄 𝓊' }));

    const received = await client.send(
      new ReceiveMessageCommand({ QueueUrl: queueUrl, WaitTimeSeconds: 1 }),
    );
    expect(received.Messages?.[0]?.Body).toBe('hi 🦄 𝓊');
  });

  it.each(['\uffff', '\u0000', '\ud800'])('refuses %j, as SQS does', async (character) => {
    const queueUrl = await aQueue();

    await expect(
      client.send(new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: `x${character}` })),
    ).rejects.toThrow(/Invalid characters|InvalidMessageContents/);
  });
});

describe('long polls on the local SQS', () => {
  it('wakes one waiting poll for one message, as SQS does; the others keep waiting', async () => {
    const model = modelWith([
      { logicalId: 'PollQueue', type: 'AWS::SQS::Queue', metadata: {}, properties: {} },
    ]);
    const queueUrl = (await ensureQueues(client, readQueues(model), ctx)).PollQueue?.ref ?? '';
    const answered: number[] = [];
    const polls = [0, 1, 2].map((index) =>
      client
        .send(new ReceiveMessageCommand({ QueueUrl: queueUrl, WaitTimeSeconds: 2 }))
        .then((reply) => {
          answered.push(index);
          return reply.Messages ?? [];
        }),
    );
    // Let the three polls reach the queue and wait there.
    await new Promise((resolve) => setTimeout(resolve, 300));

    await client.send(new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: 'one' }));
    await new Promise((resolve) => setTimeout(resolve, 500));

    // One poll answered with the message, well before the others' 2 s wait ends.
    expect(answered).toHaveLength(1);
    const replies = await Promise.all(polls);
    expect(replies.map((messages) => messages.length).sort()).toEqual([0, 0, 1]);
  });
});
