import type { PushNotification } from './push-notification';

/** A platform endpoint as the push service knows it. */
export interface PushEndpoint {
  enabled: boolean;
  token: string;
}

/** `delivered`, or `gone`: the endpoint is disabled or deleted, so the device should be forgotten. */
export type PushOutcome = 'delivered' | 'gone';

/** The mobile push service (SNS platform endpoints on APNs and FCM applications). */
export interface PushSender {
  /** Creates (or finds, for the same token) the endpoint of a device token; returns its ARN. */
  createEndpoint(applicationArn: string, token: string, userId: string): Promise<string>;
  /** The endpoint's state, or undefined when it no longer exists. */
  getEndpoint(endpointArn: string): Promise<PushEndpoint | undefined>;
  /** Re-enables the endpoint with this token. */
  enableEndpoint(endpointArn: string, token: string): Promise<void>;
  deleteEndpoint(endpointArn: string): Promise<void>;
  /** Throws for failures worth retrying; reports endpoints that are gone. */
  publish(endpointArn: string, notification: PushNotification): Promise<PushOutcome>;
}
