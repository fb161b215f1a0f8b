import {
  DeleteCommand,
  GetCommand,
  paginateQuery,
  PutCommand,
  QueryCommand,
} from '@aws-sdk/lib-dynamodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Device } from './device';
import type { DeviceStore } from './device-store';

const deviceKey = (userId: string, deviceId: string) => ({
  PK: `USER#${userId}`,
  SK: `DEVICE#${deviceId}`,
});

function fromRecord(record: Record<string, unknown>): Device {
  // Only this adapter writes these records, so their shape is known.
  const { deviceId, userId, platform, token, endpointArn, createdAt } = record as unknown as Device;
  return { deviceId, userId, platform, token, createdAt, ...(endpointArn && { endpointArn }) };
}

/**
 * Devices in AppTable under their user: `USER#<sub>` / `DEVICE#<deviceId>`,
 * and on GSI1 under the device (`DEVICE#<deviceId>` / `<sub>`), to find who
 * else holds a token when a phone changes hands.
 */
export class DynamoDbDeviceStore implements DeviceStore {
  constructor(
    private readonly documents: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async get(userId: string, deviceId: string): Promise<Device | undefined> {
    const { Item: record } = await this.documents.send(
      new GetCommand({ TableName: this.tableName, Key: deviceKey(userId, deviceId) }),
    );
    return record ? fromRecord(record) : undefined;
  }

  async put(device: Device): Promise<void> {
    await this.documents.send(
      new PutCommand({
        TableName: this.tableName,
        Item: {
          ...deviceKey(device.userId, device.deviceId),
          GSI1PK: `DEVICE#${device.deviceId}`,
          GSI1SK: device.userId,
          entity: 'device',
          ...device,
        },
      }),
    );
  }

  async listByUser(userId: string): Promise<Device[]> {
    const devices: Device[] = [];
    let startKey: Record<string, unknown> | undefined;
    do {
      const page = await this.documents.send(
        new QueryCommand({
          TableName: this.tableName,
          KeyConditionExpression: 'PK = :user AND begins_with(SK, :prefix)',
          ExpressionAttributeValues: { ':user': `USER#${userId}`, ':prefix': 'DEVICE#' },
          ExclusiveStartKey: startKey,
        }),
      );
      devices.push(...(page.Items ?? []).map(fromRecord));
      startKey = page.LastEvaluatedKey;
    } while (startKey);
    return devices;
  }

  async listHolders(deviceId: string): Promise<Device[]> {
    const devices: Device[] = [];
    const pages = paginateQuery(
      { client: this.documents },
      {
        TableName: this.tableName,
        IndexName: 'GSI1',
        KeyConditionExpression: 'GSI1PK = :device',
        ExpressionAttributeValues: { ':device': `DEVICE#${deviceId}` },
      },
    );
    for await (const page of pages) devices.push(...(page.Items ?? []).map(fromRecord));
    return devices;
  }

  async delete(userId: string, deviceId: string): Promise<void> {
    await this.documents.send(
      new DeleteCommand({ TableName: this.tableName, Key: deviceKey(userId, deviceId) }),
    );
  }
}
