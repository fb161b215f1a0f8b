import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { jest } from '@jest/globals';
import { DescribeTableCommand, DynamoDBClient, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { ReceiveMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { call, eventually } from './support/http';
import { sandboxOutputs } from './support/outputs';
import { newUser } from './support/users';

// A record the indexer can never process: an item record without owner or
// title, written straight into the table (the API would refuse it). Lambda
// retries it MaximumRetryAttempts (5) times, sends its OnFailure record to
// SearchIndexFailureQueue and moves on.

jest.setTimeout(30_000);

const local = {
  region: 'us-east-1',
  credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
};

it('sends a record that always fails to the failure queue with AWS metadata, and indexes later records', async () => {
  const outputs = sandboxOutputs();
  const dynamodb = new DynamoDBClient({ ...local, endpoint: outputs.DynamoDbEndpoint });
  const sqs = new SQSClient({ ...local, endpoint: outputs.SqsEndpoint });
  const user = await newUser();
  const brokenId = `BROKEN${randomUUID().replaceAll('-', '').slice(0, 20).toUpperCase()}`;
  await dynamodb.send(
    new PutItemCommand({
      TableName: outputs.AppTableName,
      Item: {
        PK: { S: `ITEM#${brokenId}` },
        SK: { S: 'ITEM' },
        entity: { S: 'item' },
        id: { S: brokenId },
        version: { N: '1' },
      },
    }),
  );
  // The shard is read four times a second: the broken record is in flight alone by
  // then, and the next item waits behind it in a later batch.
  await sleep(1000);
  const word = `w${randomUUID().replaceAll('-', '')}`;
  const created = await call('POST', '/v1/items', {
    token: user.idToken,
    body: { title: word, visibility: 'public' },
  });

  const found = await eventually(
    () => call('GET', `/v1/search?q=${word}`, { token: user.idToken }),
    (reply) => reply.json.total === 1,
    20_000,
  );
  const received = await eventually(
    () =>
      sqs.send(
        new ReceiveMessageCommand({
          QueueUrl: outputs.SearchIndexFailureQueueUrl,
          MaxNumberOfMessages: 10,
          WaitTimeSeconds: 1,
        }),
      ),
    (reply) => (reply.Messages ?? []).length > 0,
    20_000,
  );

  expect(found.json.items?.[0]?.id).toBe(created.json.id);
  const table = await dynamodb.send(new DescribeTableCommand({ TableName: outputs.AppTableName }));
  const failure = JSON.parse(received.Messages?.[0]?.Body ?? '{}') as Record<
    string,
    Record<string, unknown>
  >;
  expect(failure).toMatchObject({
    version: '1.0',
    requestContext: {
      condition: 'RetryAttemptsExhausted',
      approximateInvokeCount: 6,
      functionArn: expect.stringMatching(/:function:SearchIndexerFunction$/),
      requestId: expect.any(String),
    },
    responseContext: { statusCode: 200, executedVersion: '$LATEST', functionError: 'Unhandled' },
    DDBStreamBatchInfo: {
      shardId: expect.stringMatching(/^shardId-/),
      streamArn: table.Table?.LatestStreamArn,
      batchSize: 1,
    },
  });
  const batch = failure.DDBStreamBatchInfo as Record<string, string>;
  expect(batch.startSequenceNumber).toBe(batch.endSequenceNumber);
  expect(Date.parse(batch.approximateArrivalOfFirstRecord ?? '')).not.toBeNaN();
  expect(Date.parse(String(failure.timestamp))).not.toBeNaN();
  dynamodb.destroy();
  sqs.destroy();
});
