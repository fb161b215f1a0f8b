// Messaging and push: devices, the send API, the queue worker and its delivery channels.

export type { StoredMessage } from '../messaging/message';
export type { MessageDelivery } from '../messaging/message-delivery';
export { createMessageDeliveries } from '../messaging/deliveries';
export type { DeliveryParts } from '../messaging/deliveries';
export { messageWorkerConfig, messagingApiConfig } from '../messaging/messaging-config';
export type { MessageWorkerConfig, MessagingApiConfig } from '../messaging/messaging-config';
export { createMessagingApi } from '../messaging/messaging-api';
export type { MessagingApi } from '../messaging/messaging-api';
export { createMessageWorker } from '../messaging/message-worker-app';
export type { MessageWorker } from '../messaging/message-worker-app';
export { DeviceOperations } from '../messaging/devices/device-operations';
export { MessageOperations } from '../messaging/message-operations';
export { PushDelivery } from '../messaging/push/push-delivery';
export { SnsPushSender } from '../messaging/push/sns-push-sender';
export type { PushSender } from '../messaging/push/push-sender';
