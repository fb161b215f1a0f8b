// DynamoDB Local's stream records as Lambda delivers them in a
// DynamoDBStreamEvent: with the stream ARN as eventSourceARN, the function's
// region instead of `ddblocal`, ApproximateCreationDateTime in epoch seconds,
// and binary attributes base64-encoded, as in Lambda's JSON.
import type { _Record as SdkStreamRecord } from '@aws-sdk/client-dynamodb-streams';
import type { DynamoDBRecord } from 'aws-lambda';

type JsonAttributeValue = Record<string, unknown>;
type SdkImage = Record<string, Record<string, unknown>>;

// SDK v3 reads an empty map `{"M":{}}` back as `{}` (no member set): an
// attribute value without members can only have been an empty map.
function jsonAttributeValue(value: Record<string, unknown>): JsonAttributeValue {
  const [member, content] = Object.entries(value).find(([, v]) => v !== undefined) ?? ['M', {}];
  switch (member) {
    case 'M':
      return { M: jsonImage(content as Record<string, Record<string, unknown>>) };
    case 'L':
      return { L: (content as Record<string, unknown>[]).map(jsonAttributeValue) };
    case 'B':
      return { B: Buffer.from(content as Uint8Array).toString('base64') };
    case 'BS':
      return { BS: (content as Uint8Array[]).map((b) => Buffer.from(b).toString('base64')) };
    default:
      return { [member]: content };
  }
}

/** Attribute values as the SDK reads them, spelled as in Lambda's JSON (binary in base64). */
export function jsonImage(
  image: Record<string, Record<string, unknown>>,
): Record<string, JsonAttributeValue> {
  return Object.fromEntries(
    Object.entries(image).map(([name, value]) => [name, jsonAttributeValue(value)]),
  );
}

export function lambdaStreamRecord(
  record: SdkStreamRecord,
  source: { streamArn: string; region: string },
): DynamoDBRecord {
  const stream = record.dynamodb ?? {};
  const created = stream.ApproximateCreationDateTime;
  return {
    eventID: record.eventID,
    eventName: record.eventName,
    eventVersion: record.eventVersion ?? '1.1',
    eventSource: 'aws:dynamodb',
    awsRegion: source.region,
    dynamodb: {
      ...(created && { ApproximateCreationDateTime: Math.floor(created.getTime() / 1000) }),
      ...(stream.Keys && { Keys: jsonImage(stream.Keys as unknown as SdkImage) }),
      ...(stream.NewImage && { NewImage: jsonImage(stream.NewImage as unknown as SdkImage) }),
      ...(stream.OldImage && { OldImage: jsonImage(stream.OldImage as unknown as SdkImage) }),
      SequenceNumber: stream.SequenceNumber,
      SizeBytes: stream.SizeBytes,
      StreamViewType: stream.StreamViewType,
    },
    eventSourceARN: source.streamArn,
  } as DynamoDBRecord;
}
