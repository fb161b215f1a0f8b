import { ActiveAccounts } from '../accounts/active-accounts';
import { createDocumentClient, createDynamoDbClient } from '../dynamodb';
import { idempotentOperation, type IdempotentOperation } from '../dynamodb-idempotency';
import { DeviceOperations } from '../messaging/devices/device-operations';
import { DynamoDbDeviceStore } from '../messaging/devices/dynamodb-device-store';
import { DynamoDbConversationStore } from '../messaging/dynamodb-conversation-store';
import { MessageOperations, type QueuedReceipt } from '../messaging/message-operations';
import type { MessagingApiConfig } from '../messaging/messaging-config';
import { SnsPushSender } from '../messaging/push/sns-push-sender';
import { SqsMessageQueue } from '../messaging/sqs-message-queue';
import { CursorCodec } from '../pagination/cursor';
import { SecretsManagerCursorKeys } from '../secrets/secrets-manager-cursor-keys';
import { DynamoDbProfileStore } from '../profiles/dynamodb-profile-store';

export { messagingApiConfig } from '../messaging/messaging-config';
export type { MessagingApiConfig } from '../messaging/messaging-config';

/** What MessagingApiFunction's routes call. */
export interface MessagingApi {
  devices: DeviceOperations;
  messages: MessageOperations;
  /** `POST /v1/messages`, idempotent per `Idempotency-Key`: a retry queues nothing new. */
  sendMessage: IdempotentOperation<QueuedReceipt>;
  /** Deleted accounts' tokens are refused on every route. */
  accounts: ActiveAccounts;
}

/** MessagingApiFunction. Call once at module scope: the clients it creates live for the whole execution environment. */
export function createMessagingApi(config: MessagingApiConfig): MessagingApi {
  const client = createDynamoDbClient();
  const documents = createDocumentClient(client);
  const profiles = new DynamoDbProfileStore(documents, config.appTableName);
  const accounts = new ActiveAccounts(profiles);
  const devices = new DeviceOperations(
    new DynamoDbDeviceStore(documents, config.appTableName),
    SnsPushSender.create(),
    config.platformApplications,
    { accounts },
  );
  const messages = new MessageOperations(
    profiles,
    SqsMessageQueue.create(config.messageQueueUrl),
    new DynamoDbConversationStore(documents, config.appTableName),
    new CursorCodec(SecretsManagerCursorKeys.create(config.cursorSigningSecretArn)),
  );
  return {
    devices,
    messages,
    accounts,
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
