import { ActiveAccounts } from '../accounts/active-accounts';
import { RecentlyActiveAccounts } from '../accounts/recently-active-accounts';
import { createDocumentClient, createDynamoDbClient } from '../dynamodb';
import { idempotentOperation, type IdempotentOperation } from '../dynamodb-idempotency';
import { DeviceOperations } from '../messaging/devices/device-operations';
import { DynamoDbDeviceStore } from '../messaging/devices/dynamodb-device-store';
import { DynamoDbConversationStore } from '../messaging/dynamodb-conversation-store';
import { MessageOperations, type QueuedReceipt } from '../messaging/message-operations';
import type { MessageQueue } from '../messaging/message-queue';
import { MessageRecipients } from '../messaging/message-recipients';
import type { MessagingApiConfig } from '../messaging/messaging-config';
import type { PushSender } from '../messaging/push/push-sender';
import { CursorCodec } from '../pagination/cursor';
import { secretsManagerCursorKeys } from './parts/cursor-keys';
import { onFirstUse } from './parts/on-first-use';
import { DynamoDbProfileStore } from '../profiles/dynamodb-profile-store';

export { messagingApiConfig } from '../messaging/messaging-config';
export type { MessagingApiConfig } from '../messaging/messaging-config';

/** What MessagingApiFunction's routes call. */
export interface MessagingApi {
  devices: DeviceOperations;
  messages: MessageOperations;
  /** `POST /v1/messages`, idempotent per `Idempotency-Key`: a retry queues nothing new. */
  sendMessage: IdempotentOperation<QueuedReceipt>;
  /** Deleted accounts' tokens are refused on every route (an active answer remembered for 1 s). */
  accounts: RecentlyActiveAccounts;
}

/** MessagingApiFunction. Call once at module scope: the clients it creates live for the whole execution environment. */
export function createMessagingApi(config: MessagingApiConfig): MessagingApi {
  const client = createDynamoDbClient();
  const documents = createDocumentClient(client);
  const profiles = new DynamoDbProfileStore(documents, config.appTableName);
  const accounts = new ActiveAccounts(profiles);
  // A message from an account marked a moment ago is still dropped by the worker,
  // whose transaction checks both accounts: sending needs no profile read of its own.
  const gate = new RecentlyActiveAccounts(accounts);
  const devices = new DeviceOperations(
    new DynamoDbDeviceStore(documents, config.appTableName),
    snsPushSender(),
    config.platformApplications,
    { accounts },
  );
  // A recipient deleted a moment ago may still be sent a message; the worker's
  // transaction checks both accounts and drops it, so nothing is left behind.
  const recipients = new RecentlyActiveAccounts(new MessageRecipients(profiles));
  const messages = new MessageOperations(
    recipients,
    sqsMessageQueue(config.messageQueueUrl),
    new DynamoDbConversationStore(documents, config.appTableName),
    new CursorCodec(secretsManagerCursorKeys(config.cursorSigningSecretArn)),
  );
  return {
    devices,
    messages,
    accounts: gate,
    sendMessage: idempotentOperation(
      // The routes' deleted-account middleware has already asked `accounts` for this caller.
      ({ userId, body }) => messages.send(userId, body),
      {
        client,
        tableName: config.idempotencyTableName,
        name: 'messages.send',
      },
    ),
  };
}

// Loaded on first use: only the device routes need the SNS client, and only
// POST /v1/messages the SQS client.
function snsPushSender(): PushSender {
  return onFirstUse<PushSender>(
    async () => (await import('../messaging/push/sns-push-sender')).SnsPushSender.create(),
    {
      createEndpoint: true,
      getEndpoint: true,
      enableEndpoint: true,
      deleteEndpoint: true,
      publish: true,
    },
  );
}

function sqsMessageQueue(queueUrl: string): MessageQueue {
  return onFirstUse<MessageQueue>(
    async () => (await import('../messaging/sqs-message-queue')).SqsMessageQueue.create(queueUrl),
    { enqueue: true },
  );
}
