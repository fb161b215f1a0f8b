import { ActiveAccounts } from '../accounts/active-accounts';
import { createDocumentClient, createDynamoDbClient } from '../dynamodb';
import { idempotentOperation } from '../dynamodb-idempotency';
import type { IdempotentOperation } from '../dynamodb-idempotency';
import { DynamoDbItemStore } from '../items/dynamodb-item-store';
import { DynamoDbMediaStore } from '../media/dynamodb-media-store';
import type { MediaApiConfig, SignedMediaDelivery } from '../media/media-config';
import { noMediaCache, type MediaCache } from '../media/media-cache';
import { PresignedDelivery, type MediaDelivery } from '../media/media-delivery';
import type { MediaObjects } from '../media/media-objects';
import { MAX_UPLOAD_URL_SECONDS, MediaOperations } from '../media/media-operations';
import type { MediaUpload } from '../media/media-operations';
import { DynamoDbProfileStore } from '../profiles/dynamodb-profile-store';
import { onFirstUse } from './parts/on-first-use';

export { mediaApiConfig } from '../media/media-config';
export type { MediaApiConfig } from '../media/media-config';

/** What MediaApiFunction's routes call. */
export interface MediaApi {
  media: MediaOperations;
  /** `POST /v1/media`, idempotent per `Idempotency-Key`. */
  requestUpload: IdempotentOperation<MediaUpload>;
  /** Deleted accounts' tokens are refused on every route. */
  accounts: ActiveAccounts;
}

/** MediaApiFunction. Call once at module scope: the clients it creates live for the whole execution environment. */
export function createMediaApi(config: MediaApiConfig): MediaApi {
  const client = createDynamoDbClient();
  const documents = createDocumentClient(client);
  const objects = s3MediaObjects(config.bucketName);
  const delivery =
    config.delivery.kind === 'cloudfront'
      ? signedCloudFrontDelivery(config.delivery)
      : new PresignedDelivery(objects, MAX_UPLOAD_URL_SECONDS);
  const media = new MediaOperations(
    new DynamoDbMediaStore(documents, config.appTableName),
    objects,
    delivery,
    config,
    // Items hold media: the item store answers "which item, owned by whom, how visible".
    {
      holders: new DynamoDbItemStore(documents, config.appTableName),
      cache: config.distributionId ? cloudFrontCache(config.distributionId) : noMediaCache,
    },
  );
  const accounts = new ActiveAccounts(new DynamoDbProfileStore(documents, config.appTableName));
  return {
    media,
    accounts,
    requestUpload: idempotentOperation(
      accounts.guard(({ userId, body }) => media.requestUpload(userId, body)),
      {
        client,
        tableName: config.idempotencyTableName,
        name: 'media.requestUpload',
      },
    ),
  };
}

/**
 * Signed CloudFront URLs, loaded on first use: only `GET /v1/media/{id}`
 * signs, so the other routes' cold starts load neither the signer nor the
 * Secrets Manager client and Powertools Parameters behind the key.
 */
function signedCloudFrontDelivery(settings: SignedMediaDelivery): MediaDelivery {
  return onFirstUse<MediaDelivery>(
    async () => {
      const [{ SignedCloudFrontDelivery }, { SecretsManagerSigningKey }] = await Promise.all([
        import('../media/cloudfront-signed-delivery'),
        import('../media/secrets-manager-signing-key'),
      ]);
      return new SignedCloudFrontDelivery(
        settings,
        SecretsManagerSigningKey.create(settings.signingKeySecretArn),
      );
    },
    { urlOf: true },
  );
}

// Loaded on first use: reading media delivered through CloudFront needs no S3
// client, so those cold starts do not load it.
function s3MediaObjects(bucketName: string): MediaObjects {
  return onFirstUse<MediaObjects>(
    async () => {
      const { createS3Client, S3MediaObjects } = await import('../media/s3-media-objects');
      return new S3MediaObjects(createS3Client(), bucketName);
    },
    {
      uploadUrl: true,
      downloadUrl: true,
      size: true,
      firstBytes: true,
      delete: true,
      deleteUnder: true,
    },
  );
}

// Loaded on first use: only deleting a media invalidates the edge caches.
function cloudFrontCache(distributionId: string): MediaCache {
  return onFirstUse<MediaCache>(
    async () =>
      (await import('../media/cloudfront-media-cache')).CloudFrontMediaCache.create(distributionId),
    { invalidate: true },
  );
}
