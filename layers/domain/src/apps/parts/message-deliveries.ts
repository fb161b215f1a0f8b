import type { SNSClient } from '@aws-sdk/client-sns';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { GroupedPuts } from '../../dynamodb-grouped-puts';
import { DeviceOperations } from '../../messaging/devices/device-operations';
import { DynamoDbDeviceStore } from '../../messaging/devices/dynamodb-device-store';
import {
  type BatchLookups,
  connectionsOncePerBatch,
  devicesOncePerBatch,
} from '../../messaging/batch-lookups';
import type { MessageDelivery } from '../../messaging/message-delivery';
import type { MessageWorkerConfig } from '../../messaging/messaging-config';
import { DynamoDbPushReceipts } from '../../messaging/push/dynamodb-push-receipts';
import { PushDelivery } from '../../messaging/push/push-delivery';
import type { PushSender } from '../../messaging/push/push-sender';
import { SnsPushSender } from '../../messaging/push/sns-push-sender';
import type { SmsSender } from '../../messaging/sms/sms-sender';
import { SnsSmsSender } from '../../messaging/sms/sns-sms-sender';
import { createSnsClient } from '../../messaging/sns-client';
import type { RealtimeConfig } from '../../realtime/realtime-config';
import { WebSocketDelivery } from '../../realtime/websocket-delivery';
import { createRealtime } from './realtime';
import { createSmsDelivery } from './sms-delivery';
import { ApiGatewayConnectionMessenger } from '../../realtime/api-gateway-connection-messenger';

/** What the delivery channels are built from; channels added later take their own parts here. */
export interface DeliveryParts {
  config: MessageWorkerConfig;
  /** The WebSocket API the recipient's open connections are on. */
  realtime: RealtimeConfig;
  documents: DynamoDBDocumentClient;
  push?: PushSender;
  sms?: SmsSender;
  /** Devices and connections read once per batch rather than once per message. */
  lookups?: BatchLookups;
  /** Where push receipts are put, together with the environment's other grouped puts. */
  puts?: GroupedPuts;
}

/**
 * Every channel a newly stored message goes through, in order: the push
 * notification first, then the recipient's open WebSocket connections, then
 * (when on) an SMS notice for a recipient neither reaches. The one place to
 * add a channel.
 */
export function createMessageDeliveries(parts: DeliveryParts): MessageDelivery[] {
  // One SNS client for pushes and SMS alike.
  const sns = lazySnsClient();
  const push = parts.push ?? SnsPushSender.create(sns());
  const { lookups } = parts;
  const deviceStore = new DynamoDbDeviceStore(parts.documents, parts.config.appTableName);
  const store = lookups ? devicesOncePerBatch(deviceStore, lookups) : deviceStore;
  const applications = parts.config.platformApplications;
  const devices = new DeviceOperations(deviceStore, push, applications);
  const messenger = ApiGatewayConnectionMessenger.create(parts.realtime.managementEndpoint);
  const realtime = createRealtime(parts.realtime, messenger, parts.documents, (connections) =>
    lookups ? connectionsOncePerBatch(connections, lookups) : connections,
  );
  const receipts = new DynamoDbPushReceipts(
    parts.documents,
    parts.config.appTableName,
    parts.puts ?? new GroupedPuts(parts.documents),
  );
  const sms = parts.config.smsNotices
    ? [
        createSmsDelivery(parts.config.smsNotices, {
          ...parts,
          devices: store,
          sms: parts.sms ?? SnsSmsSender.create(sns()),
        }),
      ]
    : [];
  return [
    new PushDelivery({ store, devices, push, applications, receipts }),
    new WebSocketDelivery(realtime),
    ...sms,
  ];
}

/** The SNS client, made when a channel first needs one (tests pass senders of their own). */
function lazySnsClient(): () => SNSClient {
  let client: SNSClient | undefined;
  return () => (client ??= createSnsClient());
}
