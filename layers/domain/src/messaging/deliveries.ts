import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { DeviceOperations } from './devices/device-operations';
import { DynamoDbDeviceStore } from './devices/dynamodb-device-store';
import type { MessageDelivery } from './message-delivery';
import type { MessageWorkerConfig } from './messaging-config';
import { PushDelivery } from './push/push-delivery';
import type { PushSender } from './push/push-sender';
import { SnsPushSender } from './push/sns-push-sender';
import { createRealtime } from '../realtime-app';
import { realtimeConfig } from '../realtime/realtime-config';
import type { RealtimeOperations } from '../realtime/realtime-operations';
import { WebSocketDelivery } from '../realtime/websocket-delivery';

/** What the delivery channels are built from; channels added later take their own parts here. */
export interface DeliveryParts {
  config: MessageWorkerConfig;
  documents: DynamoDBDocumentClient;
  push?: PushSender;
  /** WebSocket fan-out; by default from WEBSOCKET_MANAGEMENT_ENDPOINT and APP_TABLE_NAME. */
  realtime?: RealtimeOperations;
}

/**
 * Every channel a newly stored message goes through, in order: the push
 * notification first. The one place to add a channel (e.g. WebSocket).
 */
export function createMessageDeliveries(parts: DeliveryParts): MessageDelivery[] {
  const push = parts.push ?? SnsPushSender.create();
  const store = new DynamoDbDeviceStore(parts.documents, parts.config.appTableName);
  const applications = parts.config.platformApplications;
  const devices = new DeviceOperations(store, push, applications);
  // Real time (issue 5): the recipient's open WebSocket connections.
  const realtime = parts.realtime ?? createRealtime(realtimeConfig(), parts.documents);
  return [new PushDelivery(store, devices, push, applications), new WebSocketDelivery(realtime)];
}
