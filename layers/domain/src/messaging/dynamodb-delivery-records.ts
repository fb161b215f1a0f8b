import {
  IdempotencyRecordStatus,
  PERSISTENCE_ATTRIBUTE_KEY_MAPPINGS as attributes,
  type IdempotencyConfig,
} from '@aws-lambda-powertools/idempotency';
import { DynamoDBPersistenceLayer } from '@aws-lambda-powertools/idempotency/dynamodb';
import type { IdempotencyRecord } from '@aws-lambda-powertools/idempotency/persistence';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { Context } from 'aws-lambda';
import type { GroupedPuts } from '../dynamodb-grouped-puts';
import type { StoredMessage } from './message';
import type { PutWithMessage } from './dynamodb-conversation-store';

/** The table's key, as the template declares it. */
const KEY_ATTRIBUTE = 'id';

export interface DeliveryRecordsOptions {
  tableName: string;
  client: DynamoDBClient;
  /** The idempotency configuration and key prefix of the deliveries made idempotent. */
  config: IdempotencyConfig;
  keyPrefix: string;
  puts: GroupedPuts;
}

/**
 * The Powertools idempotency records of message deliveries, written as a
 * queue batch allows. A newly stored message's INPROGRESS record is put by
 * the transaction that stores the message, under the message's conditional
 * put: the attempt that stores a message is the one that delivers it first,
 * and a duplicate delivered meanwhile finds the record in progress, as
 * Powertools would have left it. Powertools' own put is then skipped for it.
 * COMPLETED records leave through grouped puts, many per request, instead of
 * an update each. The rest (a redelivered message's put, the delete after a
 * failure, reading a record) is Powertools' own.
 */
export class DeliveryRecords extends DynamoDBPersistenceLayer {
  /** Idempotency keys whose INPROGRESS record the store wrote in this batch. */
  private readonly storedInProgress = new Set<string>();
  private deadline = 0;

  constructor(private readonly options: DeliveryRecordsOptions) {
    super({
      tableName: options.tableName,
      awsSdkV3Client: options.client,
      keyAttr: KEY_ATTRIBUTE,
    });
    // Keys must hash as makeIdempotent's will before its first call configures the layer.
    this.configure({ config: options.config, keyPrefix: options.keyPrefix });
  }

  /** A new batch: in progress until this invocation's deadline, nothing stored yet. */
  startBatch(context: Pick<Context, 'getRemainingTimeInMillis'>): void {
    this.storedInProgress.clear();
    this.deadline = Date.now() + context.getRemainingTimeInMillis();
  }

  /** The message's INPROGRESS record, for the transaction that stores the message. */
  inProgressPut(message: StoredMessage): PutWithMessage {
    return {
      TableName: this.options.tableName,
      Item: {
        [KEY_ATTRIBUTE]: this.getHashedIdempotencyKey({ ...message }),
        [attributes.statusAttr]: IdempotencyRecordStatus.INPROGRESS,
        [attributes.expiryAttr]: Math.round(Date.now() / 1000 + this.getExpiresAfterSeconds()),
        [attributes.inProgressExpiryAttr]: this.deadline,
      },
    };
  }

  /** This attempt stored the message, and with it its INPROGRESS record. */
  storedWithMessage(message: StoredMessage): void {
    this.storedInProgress.add(this.getHashedIdempotencyKey({ ...message }));
  }

  protected override async _putRecord(record: IdempotencyRecord): Promise<void> {
    // Once: the same message twice in a batch finds the record in progress the second time.
    if (this.storedInProgress.delete(record.idempotencyKey)) return;
    await super._putRecord(record);
  }

  protected override async _updateRecord(record: IdempotencyRecord): Promise<void> {
    // The whole record, as Powertools' update leaves it for a completed call.
    await this.options.puts.put(this.options.tableName, {
      [KEY_ATTRIBUTE]: record.idempotencyKey,
      [attributes.statusAttr]: record.getStatus(),
      [attributes.expiryAttr]: record.expiryTimestamp,
      [attributes.dataAttr]: record.responseData,
    });
  }
}
