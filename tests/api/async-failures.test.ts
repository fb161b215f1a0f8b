import { jest } from '@jest/globals';
import { InvokeCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { ReceiveMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { eventually } from './support/http';
import { sandboxOutputs } from './support/outputs';

// An asynchronous invocation that always fails: Lambda tries it three times
// (EventInvokeConfig.MaximumRetryAttempts: 2) and sends its invocation record
// to the OnFailure queue. The api sandbox waits 200 ms between retries, not
// Lambda's minutes.

jest.setTimeout(30_000);

const local = {
  region: 'us-east-1',
  credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
};

it('delivers an S3 event that failed every retry to its failure queue, event included', async () => {
  const outputs = sandboxOutputs();
  const lambda = new LambdaClient({ ...local, endpoint: outputs.LambdaEndpoint });
  const sqs = new SQSClient({ ...local, endpoint: outputs.SqsEndpoint });
  // An object creation without its bucket and key: the processor cannot read it.
  const malformed = { Records: [{ eventSource: 'aws:s3', eventName: 'ObjectCreated:Put' }] };

  const accepted = await lambda.send(
    new InvokeCommand({
      FunctionName: 'MediaProcessorFunction',
      InvocationType: 'Event',
      Payload: JSON.stringify(malformed),
    }),
  );
  const received = await eventually(
    () =>
      sqs.send(
        new ReceiveMessageCommand({
          QueueUrl: outputs.MediaProcessingFailureQueueUrl,
          MaxNumberOfMessages: 10,
          WaitTimeSeconds: 1,
        }),
      ),
    (reply) => (reply.Messages ?? []).length > 0,
    20_000,
  );
  lambda.destroy();
  sqs.destroy();

  expect(accepted.StatusCode).toBe(202);
  const records = (received.Messages ?? []).map(
    (message) => JSON.parse(message.Body ?? '{}') as Record<string, unknown>,
  );
  expect(records).toEqual([
    expect.objectContaining({
      version: '1.0',
      requestContext: expect.objectContaining({
        functionArn: expect.stringMatching(/:function:MediaProcessorFunction:\$LATEST$/),
        condition: 'RetriesExhausted',
        approximateInvokeCount: 3,
      }),
      requestPayload: malformed,
      responseContext: { statusCode: 200, executedVersion: '$LATEST', functionError: 'Unhandled' },
      responsePayload: expect.objectContaining({ errorMessage: expect.any(String) }),
    }),
  ]);
});
