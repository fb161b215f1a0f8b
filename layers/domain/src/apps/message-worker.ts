import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import { IdempotencyConfig, makeIdempotent } from '@aws-lambda-powertools/idempotency';
import type { Context, SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import { createDocumentClient, createDynamoDbClient } from '../dynamodb';
import { GroupedPuts } from '../dynamodb-grouped-puts';
import { BatchLookups } from '../messaging/batch-lookups';
import { DeliveryRecords } from '../messaging/dynamodb-delivery-records';
import { DynamoDbConversationStore } from '../messaging/dynamodb-conversation-store';
import type { StoreOutcome } from '../messaging/conversation-store';
import { parseQueuedMessage, type StoredMessage } from '../messaging/message';
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

/** Each record's message, or why its body is not one (a poison message), by SQS message id. */
function parseRecords(records: readonly SQSRecord[]): Map<string, StoredMessage | Error> {
  const parsed = new Map<string, StoredMessage | Error>();
  for (const record of records) {
    try {
      parsed.set(record.messageId, parseQueuedMessage(record.body));
    } catch (error) {
      parsed.set(record.messageId, error instanceof Error ? error : new Error(String(error)));
    }
  }
  return parsed;
}

export type MessageWorker = (event: SQSEvent, context: Context) => Promise<SQSBatchResponse>;

/**
 * MessageWorkerFunction: the batch's messages stored a conversation at a
 * time, then each record on its own (a failed one is reported in
 * `batchItemFailures` and comes back after the visibility timeout), each
 * message delivered once per message id for a day.
 * Call once at module scope.
 */
export function createMessageWorker(
  config: MessageWorkerAppConfig,
  deliveries?: readonly MessageDelivery[],
): MessageWorker {
  const client = createDynamoDbClient();
  const documents = createDocumentClient(client);
  const lookups = new BatchLookups();
  // Push receipts and completed delivery records leave together, many per request.
  const puts = new GroupedPuts(documents);
  const idempotency = new IdempotencyConfig({
    eventKeyJmesPath: 'messageId',
    expiresAfterSeconds: 24 * 60 * 60,
  });
  const records = new DeliveryRecords({
    tableName: config.idempotencyTableName,
    client,
    config: idempotency,
    keyPrefix: 'messages.process',
    puts,
  });
  const processor = new MessageProcessor(
    new DynamoDbConversationStore(documents, config.appTableName, {
      putWithEachMessage: (message) => records.inProgressPut(message),
    }),
    deliveries ??
      createMessageDeliveries({ config, realtime: config.realtime, documents, lookups, puts }),
  );
  // Storing is once per message id by itself; the deliveries are what must not run twice.
  const deliverOnce = makeIdempotent(processor.deliver.bind(processor), {
    persistenceStore: records,
    keyPrefix: 'messages.process',
    config: idempotency,
  });
  const batch = new BatchProcessor(EventType.SQS);
  return async (event, context) => {
    idempotency.registerLambdaContext(context);
    records.startBatch(context);
    lookups.startBatch();
    const parsed = parseRecords(event.Records);
    const stored = processor.storeBatch(
      [...parsed.values()].filter(
        (message): message is StoredMessage => !(message instanceof Error),
      ),
    );
    // A poison message fails its own record only.
    const recordHandler = async (record: SQSRecord) => {
      const message = parsed.get(record.messageId);
      if (message === undefined) throw new Error(`Record ${record.messageId} was not parsed`);
      if (message instanceof Error) throw message;
      const outcome = await (stored.get(message.messageId) as Promise<StoreOutcome>);
      if (outcome === 'stored') records.storedWithMessage(message);
      return deliverOnce(message, outcome);
    };
    return processPartialResponse(event, recordHandler, batch, {
      context,
      throwOnFullBatchFailure: false,
    });
  };
}
