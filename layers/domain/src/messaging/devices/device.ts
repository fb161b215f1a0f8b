import { createHash } from 'node:crypto';
import * as z from 'zod';
import { parseWith } from '../../validation';

export type DevicePlatform = 'ios' | 'android';

/** A phone that receives the user's push notifications. */
export interface Device {
  deviceId: string;
  userId: string;
  platform: DevicePlatform;
  token: string;
  /** The SNS platform endpoint; absent while push is off for the device's platform. */
  endpointArn?: string;
  createdAt: string;
}

/** What `POST /v1/devices`, `GET /v1/devices` answer: never the token or the endpoint. */
export type DeviceView = Pick<Device, 'deviceId' | 'platform' | 'createdAt'>;

export const RegisterDeviceSchema = z.strictObject({
  platform: z.enum(['ios', 'android']),
  // APNs tokens are 64 hex characters, FCM tokens about 160; SNS accepts up to 4 KB.
  token: z.string().trim().min(1).max(4096),
});
export type RegisterDeviceRequest = z.output<typeof RegisterDeviceSchema>;

export function parseRegisterDevice(input: unknown): RegisterDeviceRequest {
  return parseWith(RegisterDeviceSchema, input);
}

/** Derived from platform and token, so registering the same token again finds the same device. */
export function deviceIdOf(platform: DevicePlatform, token: string): string {
  return createHash('sha256').update(`${platform}:${token}`).digest('base64url').slice(0, 22);
}

export function viewOf(device: Device): DeviceView {
  return { deviceId: device.deviceId, platform: device.platform, createdAt: device.createdAt };
}
