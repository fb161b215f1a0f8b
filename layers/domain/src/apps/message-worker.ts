import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import { IdempotencyConfig, makeIdempotent } from '@aws-lambda-powertools/idempotency';
import { DynamoDBPersistenceLayer } from '@aws-lambda-powertools/idempotency/dynamodb';
import type { Context, SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import { createDocumentClient, createDynamoDbClient } from '../dynamodb';
import { DynamoDbConversationStore } from '../messaging/dynamodb-conversation-store';
import { parseQueuedMessage } from '../messaging/message';
import type { MessageDelivery } from '../messaging/message-delivery';
import { MessageProcessor } from '../messaging/message-worker';
import { messageWorkerConfig, type MessageWorkerConfig } from '../messaging/messaging-config';
import type { Environment } from '../config';
import { realtimeConfig, type RealtimeConfig } from '../realtime/realtime-config';
import { createMessageDeliveries } from './parts/message-deliveries';

/** MessageWorkerFunction's configuration: messaging's, and the WebSocket API it delivers to. */
export interface MessageWorkerAppConfig extends MessageWorkerConfig {
  realtime: RealtimeConfig;
}

export function messageWorkerAppConfig(env: Environment = process.env): MessageWorkerAppConfig {
  return { ...messageWorkerConfig(env), realtime: realtimeConfig(env) };
}

export type MessageWorker = (event: SQSEvent, context: Context) => Promise<SQSBatchResponse>;

/**
 * MessageWorkerFunction: each record of the batch on its own (a failed one is
 * reported in `batchItemFailures` and comes back after the visibility
 * timeout), and each message processed once per message id for a day.
 * Call once at module scope.
 */
export function createMessageWorker(
  config: MessageWorkerAppConfig,
  deliveries?: readonly MessageDelivery[],
): MessageWorker {
  const client = createDynamoDbClient();
  const documents = createDocumentClient(client);
  const processor = new MessageProcessor(
    new DynamoDbConversationStore(documents, config.appTableName),
    deliveries ?? createMessageDeliveries({ config, realtime: config.realtime, documents }),
  );
  const idempotency = new IdempotencyConfig({
    eventKeyJmesPath: 'messageId',
    expiresAfterSeconds: 24 * 60 * 60,
  });
  const processOnce = makeIdempotent(processor.process.bind(processor), {
    persistenceStore: new DynamoDBPersistenceLayer({
      tableName: config.idempotencyTableName,
      awsSdkV3Client: client,
    }),
    keyPrefix: 'messages.process',
    config: idempotency,
  });
  const batch = new BatchProcessor(EventType.SQS);
  const recordHandler = async (record: SQSRecord) => processOnce(parseQueuedMessage(record.body));
  return async (event, context) => {
    idempotency.registerLambdaContext(context);
    return processPartialResponse(event, recordHandler, batch, {
      context,
      throwOnFullBatchFailure: false,
    });
  };
}
