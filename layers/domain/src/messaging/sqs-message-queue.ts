import { SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { tracer } from '../observability';
import type { StoredMessage } from './message';
import type { MessageQueue } from './message-queue';

/** The message queue on SQS; the endpoint comes from AWS_ENDPOINT_URL_SQS when set. */
export class SqsMessageQueue implements MessageQueue {
  constructor(
    private readonly client: SQSClient,
    private readonly queueUrl: string,
  ) {}

  static create(queueUrl: string): SqsMessageQueue {
    // The client's endpoint (regional, or AWS_ENDPOINT_URL_SQS) serves the queue; the
    // host in the queue URL need not be resolvable.
    const client = new SQSClient({ useQueueUrlAsEndpoint: false });
    return new SqsMessageQueue(tracer.captureAWSv3Client(client), queueUrl);
  }

  async enqueue(message: StoredMessage): Promise<void> {
    await this.client.send(
      new SendMessageCommand({ QueueUrl: this.queueUrl, MessageBody: JSON.stringify(message) }),
    );
  }
}
