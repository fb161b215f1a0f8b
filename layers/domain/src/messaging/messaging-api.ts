import { createDocumentClient, createDynamoDbClient } from '../dynamodb';
import { idempotentOperation, type IdempotentOperation } from '../idempotency';
import { CursorCodec } from '../pagination/cursor';
import { ActiveAccounts } from '../accounts/active-accounts';
import { DynamoDbProfileStore } from '../profiles/dynamodb-profile-store';
import { DeviceOperations } from './devices/device-operations';
import { DynamoDbDeviceStore } from './devices/dynamodb-device-store';
import { DynamoDbConversationStore } from './dynamodb-conversation-store';
import { MessageOperations, type QueuedReceipt } from './message-operations';
import type { MessagingApiConfig } from './messaging-config';
import { SnsPushSender } from './push/sns-push-sender';
import { SqsMessageQueue } from './sqs-message-queue';

/** What MessagingApiFunction's routes call. */
export interface MessagingApi {
  devices: DeviceOperations;
  messages: MessageOperations;
  /** `POST /v1/messages`, idempotent per `Idempotency-Key`: a retry queues nothing new. */
  sendMessage: IdempotentOperation<QueuedReceipt>;
}

/** Call once at module scope: the clients it creates live for the whole execution environment. */
export function createMessagingApi(config: MessagingApiConfig): MessagingApi {
  const client = createDynamoDbClient();
  const documents = createDocumentClient(client);
  const profiles = new DynamoDbProfileStore(documents, config.appTableName);
  const accounts = new ActiveAccounts(profiles);
  const devices = new DeviceOperations(
    new DynamoDbDeviceStore(documents, config.appTableName),
    SnsPushSender.create(),
    config.platformApplications,
    undefined,
    accounts,
  );
  const messages = new MessageOperations(
    profiles,
    SqsMessageQueue.create(config.messageQueueUrl),
    new DynamoDbConversationStore(documents, config.appTableName),
    new CursorCodec(config.cursorSigningKey),
  );
  return {
    devices,
    messages,
    sendMessage: idempotentOperation(
      accounts.guard(({ userId, body }) => messages.send(userId, body)),
      {
        client,
        tableName: config.idempotencyTableName,
        name: 'messages.send',
      },
    ),
  };
}
