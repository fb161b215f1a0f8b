import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { ErasureStep } from '../accounts/account-eraser';
import { DeviceOperations } from './devices/device-operations';
import { DynamoDbDeviceStore } from './devices/dynamodb-device-store';
import { DynamoDbConversationStore } from './dynamodb-conversation-store';
import type { ConversationStore } from './conversation-store';
import type { PushSender } from './push/push-sender';
import { SnsPushSender } from './push/sns-push-sender';

/**
 * What account deletion erases of messaging: every device with its SNS
 * endpoint, then every conversation of the user — its messages and both
 * users' lines for it. The peer loses the conversation too: API.md promises
 * that the user's messages are erased, and a conversation is stored once.
 */
export function messagingErasureSteps(parts: {
  devices: Pick<DeviceOperations, 'removeAll'>;
  conversations: Pick<ConversationStore, 'eraseConversationsOf'>;
}): ErasureStep[] {
  return [
    { name: 'devices', erase: (userId) => parts.devices.removeAll(userId) },
    { name: 'conversations', erase: (userId) => parts.conversations.eraseConversationsOf(userId) },
  ];
}

/** The steps wired to DynamoDB and SNS; no platform application is needed to delete endpoints. */
export function createMessagingErasureSteps(
  documents: DynamoDBDocumentClient,
  appTableName: string,
  push: PushSender = SnsPushSender.create(),
): ErasureStep[] {
  const noApplications = { ios: '', android: '' };
  return messagingErasureSteps({
    devices: new DeviceOperations(
      new DynamoDbDeviceStore(documents, appTableName),
      push,
      noApplications,
    ),
    conversations: new DynamoDbConversationStore(documents, appTableName),
  });
}
