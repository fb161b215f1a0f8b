import {
  CreateQueueCommand,
  DeleteMessageCommand,
  DeleteQueueCommand,
  ReceiveMessageCommand,
  SendMessageCommand,
  type SQSClient,
} from '@aws-sdk/client-sqs';

/**
 * A raw round trip on the local SQS, the floor under a message's way through
 * the worker: send, then a long-polling receive until it arrives, timed from
 * before the send; the message is deleted outside the timing.
 */
export async function sqsRoundTrips(sqs: SQSClient, samples: number): Promise<number[]> {
  const { QueueUrl } = await sqs.send(
    new CreateQueueCommand({ QueueName: `BenchRoundTrip${Date.now()}` }),
  );
  const latencies: number[] = [];
  try {
    for (let i = 0; i < samples + 5; i++) {
      const t0 = performance.now();
      await sqs.send(new SendMessageCommand({ QueueUrl, MessageBody: `round trip ${i}` }));
      let receipt: string | undefined;
      while (!receipt) {
        const { Messages = [] } = await sqs.send(
          new ReceiveMessageCommand({ QueueUrl, MaxNumberOfMessages: 1, WaitTimeSeconds: 1 }),
        );
        receipt = Messages[0]?.ReceiptHandle;
      }
      if (i >= 5) latencies.push(performance.now() - t0); // the first five warm up
      await sqs.send(new DeleteMessageCommand({ QueueUrl, ReceiptHandle: receipt }));
    }
  } finally {
    await sqs.send(new DeleteQueueCommand({ QueueUrl }));
  }
  return latencies;
}
