import type { ErasureStep } from '../accounts/account-eraser';
import type { ConversationStore } from './conversation-store';
import type { DeviceOperations } from './devices/device-operations';

/**
 * What account deletion erases of messaging: every device with its SNS
 * endpoint, then every conversation of the user — its messages and both
 * users' lines for it. The peer loses the conversation too: docs/api.md promises
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
