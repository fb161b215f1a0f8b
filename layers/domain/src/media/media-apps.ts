import type { S3Event } from 'aws-lambda';
import { createDocumentClient, createDynamoDbClient } from '../dynamodb';
import { idempotentOperation } from '../idempotency';
import type { IdempotentOperation } from '../idempotency';
import { DynamoDbMediaStore } from './dynamodb-media-store';
import type { MediaApiConfig, MediaProcessorConfig } from './media-config';
import { CloudFrontDelivery, PresignedDelivery } from './media-delivery';
import { MAX_UPLOAD_URL_SECONDS, MediaOperations } from './media-operations';
import type { MediaUpload, MediaView } from './media-operations';
import { DynamoDbItemStore } from '../items/dynamodb-item-store';
import { isUlid } from '../ulid';
import { NotFoundError } from '../errors';
import { MediaProcessor } from './media-processor';
import type { ProcessingOutcome } from './media-processor';
import { objectCreationsOf } from './s3-event';
import { createS3Client, S3MediaObjects } from './s3-media-objects';
import { ActiveAccounts } from '../accounts/active-accounts';
import { DynamoDbProfileStore } from '../profiles/dynamodb-profile-store';

/** What MediaApiFunction's routes call. */
export interface MediaApi {
  media: MediaOperations;
  /** `GET /v1/media/{mediaId}?item={itemId}`: media seen through an item that holds it. */
  viewThroughItem(callerId: string, mediaId: string, itemId: string): Promise<MediaView>;
  /** `POST /v1/media`, idempotent per `Idempotency-Key`. */
  requestUpload: IdempotentOperation<MediaUpload>;
}

/** Call once at module scope: the clients it creates live for the whole execution environment. */
export function createMediaApi(config: MediaApiConfig): MediaApi {
  const client = createDynamoDbClient();
  const documents = createDocumentClient(client);
  const store = new DynamoDbMediaStore(documents, config.appTableName);
  const objects = new S3MediaObjects(createS3Client(), config.bucketName);
  const delivery =
    config.delivery.kind === 'cloudfront'
      ? new CloudFrontDelivery(config.delivery.distributionDomain)
      : new PresignedDelivery(objects, MAX_UPLOAD_URL_SECONDS);
  const media = new MediaOperations(store, objects, delivery, config);
  const items = new DynamoDbItemStore(documents, config.appTableName);
  return {
    media,
    async viewThroughItem(callerId, mediaId, itemId) {
      const item = isUlid(itemId) ? await items.get(itemId) : undefined;
      if (!item) throw new NotFoundError('No such media.');
      return media.get(callerId, mediaId, item);
    },
    requestUpload: idempotentOperation(
      new ActiveAccounts(new DynamoDbProfileStore(documents, config.appTableName)).guard(
        ({ userId, body }) => media.requestUpload(userId, body),
      ),
      {
        client,
        tableName: config.idempotencyTableName,
        name: 'media.requestUpload',
      },
    ),
  };
}

export interface MediaProcessing {
  /** Processes every ObjectCreated record; a failure throws, so that Lambda retries the event. */
  handle(event: S3Event): Promise<{ key: string; outcome: ProcessingOutcome }[]>;
}

/** MediaProcessorFunction's processor, wired to DynamoDB and S3. Call once at module scope. */
export function createMediaProcessing(config: MediaProcessorConfig): MediaProcessing {
  const store = new DynamoDbMediaStore(
    createDocumentClient(createDynamoDbClient()),
    config.appTableName,
  );
  const objects = new S3MediaObjects(createS3Client(), config.bucketName);
  const processor = new MediaProcessor(store, objects, config.bucketName);
  return {
    async handle(event) {
      const results: { key: string; outcome: ProcessingOutcome }[] = [];
      for (const creation of objectCreationsOf(event)) {
        results.push({
          key: creation.key,
          outcome: await processor.process(creation.bucket, creation.key),
        });
      }
      return results;
    },
  };
}
