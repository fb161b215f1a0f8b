// Messaging and push: devices, the send API, the queue worker and its delivery channels;
// the wiring of MessagingApiFunction and MessageWorkerFunction is in apps/.

export type { StoredMessage } from '../messaging/message';
export type { MessageDelivery } from '../messaging/message-delivery';
export { messageWorkerConfig, messagingApiConfig } from '../messaging/messaging-config';
export type { MessageWorkerConfig, MessagingApiConfig } from '../messaging/messaging-config';
export { DeviceOperations } from '../messaging/devices/device-operations';
export { MessageOperations } from '../messaging/message-operations';
export { PushDelivery } from '../messaging/push/push-delivery';
export type { PushDeliveryParts } from '../messaging/push/push-delivery';
export { DynamoDbPushReceipts } from '../messaging/push/dynamodb-push-receipts';
export type { PushReceipts } from '../messaging/push/push-receipts';
export { SnsPushSender } from '../messaging/push/sns-push-sender';
export type { PushSender } from '../messaging/push/push-sender';
export { DynamoDbSmsAllowance } from '../messaging/sms/dynamodb-sms-allowance';
export type { SmsAllowance, SmsClaim } from '../messaging/sms/sms-allowance';
export { SnsSmsSender } from '../messaging/sms/sns-sms-sender';
