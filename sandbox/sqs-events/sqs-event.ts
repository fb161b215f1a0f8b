// A received SQS message as Lambda hands it to a function: an SQSRecord.
import type { Message, MessageAttributeValue } from '@aws-sdk/client-sqs';
import type { SQSMessageAttribute, SQSRecord, SQSRecordAttributes } from 'aws-lambda';

function attributeOf(value: MessageAttributeValue): SQSMessageAttribute {
  return {
    dataType: value.DataType ?? 'String',
    ...(value.StringValue !== undefined && { stringValue: value.StringValue }),
    ...(value.BinaryValue !== undefined && {
      binaryValue: Buffer.from(value.BinaryValue).toString('base64'),
    }),
    stringListValues: value.StringListValues ?? [],
    binaryListValues: (value.BinaryListValues ?? []).map((binary) =>
      Buffer.from(binary).toString('base64'),
    ),
  };
}

export function sqsRecordOf(
  message: Message,
  queue: { queueArn: string; region: string },
): SQSRecord {
  const system = message.Attributes ?? {};
  const attributes: SQSRecordAttributes = {
    ApproximateReceiveCount: system.ApproximateReceiveCount ?? '1',
    SentTimestamp: system.SentTimestamp ?? String(Date.now()),
    SenderId: system.SenderId ?? 'AIDALOCALSANDBOX',
    ApproximateFirstReceiveTimestamp: system.ApproximateFirstReceiveTimestamp ?? String(Date.now()),
    ...(system.SequenceNumber !== undefined && { SequenceNumber: system.SequenceNumber }),
    ...(system.MessageGroupId !== undefined && { MessageGroupId: system.MessageGroupId }),
    ...(system.MessageDeduplicationId !== undefined && {
      MessageDeduplicationId: system.MessageDeduplicationId,
    }),
    ...(system.AWSTraceHeader !== undefined && { AWSTraceHeader: system.AWSTraceHeader }),
  };
  return {
    messageId: message.MessageId ?? '',
    receiptHandle: message.ReceiptHandle ?? '',
    body: message.Body ?? '',
    attributes,
    messageAttributes: Object.fromEntries(
      Object.entries(message.MessageAttributes ?? {}).map(([name, value]) => [
        name,
        attributeOf(value),
      ]),
    ),
    md5OfBody: message.MD5OfBody ?? '',
    eventSource: 'aws:sqs',
    eventSourceARN: queue.queueArn,
    awsRegion: queue.region,
  };
}
