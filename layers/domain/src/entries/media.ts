// Media: presigned uploads, processing of uploaded objects, delivery; the wiring
// of MediaApiFunction and MediaProcessorFunction is in apps/.
export {
  isMediaId,
  MEDIA_TYPES,
  mediaKey,
  ownerPrefix,
  parseMediaKey,
  parseNewMedia,
} from '../media/media';
export type { Media, MediaLimits, MediaStatus, MediaType, NewMedia } from '../media/media';
export { detectMediaType, SIGNATURE_BYTES } from '../media/media-signature';
export type { MediaStore, MediaVerdict } from '../media/media-store';
export type { MediaObjects } from '../media/media-objects';
export { DynamoDbMediaStore } from '../media/dynamodb-media-store';
export { createS3Client, S3MediaObjects } from '../media/s3-media-objects';
export { PresignedDelivery } from '../media/media-delivery';
export type { MediaDelivery, MediaSigningKey } from '../media/media-delivery';
export { SignedCloudFrontDelivery } from '../media/cloudfront-signed-delivery';
export type { SignedDeliverySettings } from '../media/cloudfront-signed-delivery';
export { noMediaCache, pathOf } from '../media/media-cache';
export type { MediaCache } from '../media/media-cache';
export { CloudFrontMediaCache } from '../media/cloudfront-media-cache';
export { SecretsManagerSigningKey } from '../media/secrets-manager-signing-key';
export { noMediaReferences } from '../media-references';
export type { MediaReference, MediaReferences } from '../media-references';
export { StoredMediaReferences } from '../media/stored-media-references';
export { MAX_UPLOAD_URL_SECONDS, MediaOperations } from '../media/media-operations';
export type {
  MediaHolder,
  MediaHolders,
  MediaOperationsOptions,
  MediaSettings,
  MediaUpload,
  MediaView,
} from '../media/media-operations';
export { MediaProcessor } from '../media/media-processor';
export type { ProcessingOutcome } from '../media/media-processor';
export { MediaErasure } from '../media/media-erasure';
export { decodeEventKey, objectCreationsOf } from '../media/s3-event';
export type { ObjectCreation } from '../media/s3-event';
export {
  mediaApiConfig,
  mediaErasureBucket,
  mediaErasureDistribution,
  mediaProcessorConfig,
} from '../media/media-config';
export type {
  MediaApiConfig,
  MediaProcessorConfig,
  SignedMediaDelivery,
} from '../media/media-config';
