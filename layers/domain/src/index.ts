// The layer's public API: what functions import from '@mobile-backend/domain'.

export { Router } from '@aws-lambda-powertools/event-handler/http';

export { accountDeletionConfig, dataApiConfig } from './config';
export type { AccountDeletionConfig, DataApiConfig } from './config';
export { instrumentHandler, logger, metrics, MetricUnit, tracer } from './observability';
export type { InstrumentOptions } from './observability';
export {
  BadRequestError,
  ConflictError,
  DomainError,
  MethodNotAllowedError,
  NotFoundError,
  PayloadTooLargeError,
  PreconditionFailedError,
  StaleVersionError,
  UnauthorizedError,
  UnsupportedMediaTypeError,
  ValidationError,
} from './errors';
export type { FieldError } from './errors';
export { parseWith, fieldErrorsOf } from './validation';
export { applyMergePatch } from './json-merge-patch';

export { allowOnly, apiRequestHandler, createApiRouter } from './http/api-router';
export { callerOf, requestIdOf } from './http/caller';
export type { Caller } from './http/caller';
export { assertPrecondition, etagOf, parseIfMatch } from './http/etag';
export type { VersionPrecondition } from './http/etag';
export { MAX_JSON_BODY_BYTES, readJsonBody } from './http/json-body';
export {
  PROBLEM_CONTENT_TYPE,
  PROBLEM_TYPE_BASE,
  problemDetailsFor,
  problemResponse,
} from './http/problem';
export type { ProblemDetails } from './http/problem';
export {
  DEFAULT_PAGE_SIZE,
  MAX_IDEMPOTENCY_KEY_LENGTH,
  MAX_PAGE_SIZE,
  parseCursorParameter,
  parseIdempotencyKey,
  parsePageSize,
} from './http/request-parameters';
export { apiResponseHeaders } from './http/response-headers';
export { jsonResponse, noContentResponse, versionedResponse } from './http/responses';

export { CursorCodec } from './pagination/cursor';
export type { CursorScope, PageKey } from './pagination/cursor';
export { idempotentOperation } from './idempotency';
export type { IdempotentOperation, IdempotentRequest } from './idempotency';
export { createDocumentClient, createDynamoDbClient } from './dynamodb';

export {
  applyItemPatch,
  assertItemFits,
  ItemContentSchema,
  ItemPatchSchema,
  MAX_ITEM_BYTES,
  parseNewItem,
} from './items/item';
export type { Item, ItemContent, ItemVisibility } from './items/item';
export type { ItemPage, ItemStore } from './items/item-store';
export { DynamoDbItemStore } from './items/dynamodb-item-store';
export { ItemOperations } from './items/item-operations';
export type { ItemList } from './items/item-operations';

export {
  applyProfilePatch,
  newProfile,
  ProfilePatchSchema,
  roleFromGroups,
} from './profiles/profile';
export type { AccountStatus, Profile, Role } from './profiles/profile';
export type { ProfileStore, StoredProfile } from './profiles/profile-store';
export { DynamoDbProfileStore } from './profiles/dynamodb-profile-store';
export { ProfileOperations } from './profiles/profile-operations';

export { AccountDeletion } from './accounts/account-deletion';
export type { AccountDeletionRequests } from './accounts/account-deletion-requests';
export {
  AccountDeletionRequestSchema,
  parseAccountDeletionRequest,
} from './accounts/account-deletion-request';
export type { AccountDeletionRequest } from './accounts/account-deletion-request';
export { accountErasureSteps, AccountEraser } from './accounts/account-eraser';
export type { ErasureOutcome, ErasureStep } from './accounts/account-eraser';
export type { IdentityDirectory } from './accounts/identity-directory';
export { CognitoIdentityDirectory } from './accounts/cognito-identity-directory';

export { createDataApi } from './data-api';
export type { DataApi } from './data-api';
export { createAccountEraser } from './account-deletion-app';

// Real time over WebSocket (issue 5).
export { CONNECTION_LIFETIME_SECONDS, newConnection } from './realtime/connection';
export type { Connection } from './realtime/connection';
export type { ConnectionStore } from './realtime/connection-store';
export { DynamoDbConnectionStore } from './realtime/dynamodb-connection-store';
export type { ConnectionMessenger, SendOutcome } from './realtime/connection-messenger';
export { ApiGatewayConnectionMessenger } from './realtime/api-gateway-connection-messenger';
export { TypingFrameSchema } from './realtime/frames';
export type { ServerFrame, TypingFrame } from './realtime/frames';
export { RealtimeOperations } from './realtime/realtime-operations';
export type { FanOut } from './realtime/realtime-operations';
export { WebSocketDelivery } from './realtime/websocket-delivery';
export { CognitoTokenVerifier } from './realtime/cognito-token-verifier';
export type { VerifiedToken } from './realtime/cognito-token-verifier';
export { authorizeConnection, UNAUTHORIZED } from './realtime/websocket-authorizer';
export type {
  ConnectionAuthorizerContext,
  WebSocketAuthorizerEvent,
} from './realtime/websocket-authorizer';
export { connectionUserOf, frameBodyOf } from './realtime/websocket-event';
export type { WebSocketRouteEvent } from './realtime/websocket-event';
export { realtimeConfig, webSocketAuthorizerConfig } from './realtime/realtime-config';
export type { RealtimeConfig, WebSocketAuthorizerConfig } from './realtime/realtime-config';
export { createRealtime, createTokenVerifier } from './realtime-app';

// Search: the SearchIndex port, the CloudSearch adapter, the stream indexer and the search API.
export { searchApiConfig, searchIndexerConfig } from './search/search-config';
export type { SearchApiConfig, SearchIndexerConfig } from './search/search-config';
export { createSearchApi, createSearchIndexer } from './search/search-apps';
export type {
  IndexChange,
  SearchHit,
  SearchIndex,
  SearchQuery,
  SearchResults,
} from './search/search-index';
export type { SearchDocument } from './search/search-document';
export { searchDocumentOf } from './search/search-document';
export { SEARCH_FIELD_NAME, SEARCH_INDEX_FIELDS } from './search/search-index-fields';
export type { SearchFieldType, SearchIndexField } from './search/search-index-fields';
export { indexChangeOf } from './search/stream-changes';
export { StreamIndexer } from './search/stream-indexer';
export { CloudSearchIndex } from './search/cloudsearch-index';
export { SearchOperations } from './search/search-operations';
export type { SearchPage } from './search/search-operations';
export { parseSearchParameters } from './search/search-parameters';
export type { SearchParameters } from './search/search-parameters';

export type { StoredMessage } from './messaging/message';
export type { MessageDelivery } from './messaging/message-delivery';
export { createMessageDeliveries } from './messaging/deliveries';
export type { DeliveryParts } from './messaging/deliveries';
export { messageWorkerConfig, messagingApiConfig } from './messaging/messaging-config';
export type { MessageWorkerConfig, MessagingApiConfig } from './messaging/messaging-config';
export { createMessagingApi } from './messaging/messaging-api';
export type { MessagingApi } from './messaging/messaging-api';
export { createMessageWorker } from './messaging/message-worker-app';
export type { MessageWorker } from './messaging/message-worker-app';
export { DeviceOperations } from './messaging/devices/device-operations';
export { MessageOperations } from './messaging/message-operations';
export { PushDelivery } from './messaging/push/push-delivery';
export { SnsPushSender } from './messaging/push/sns-push-sender';
export type { PushSender } from './messaging/push/push-sender';

// Media (issue 6): presigned uploads, processing of uploaded objects, delivery.
export {
  isMediaId,
  MEDIA_TYPES,
  mediaKey,
  ownerPrefix,
  parseMediaKey,
  parseNewMedia,
} from './media/media';
export type { Media, MediaLimits, MediaStatus, MediaType, NewMedia } from './media/media';
export { detectMediaType, SIGNATURE_BYTES } from './media/media-signature';
export type { MediaStore, MediaVerdict } from './media/media-store';
export type { MediaObjects } from './media/media-objects';
export { DynamoDbMediaStore } from './media/dynamodb-media-store';
export { createS3Client, S3MediaObjects } from './media/s3-media-objects';
export { CloudFrontDelivery, PresignedDelivery } from './media/media-delivery';
export type { MediaDelivery } from './media/media-delivery';
export { noMediaReferences, StoredMediaReferences } from './media/media-references';
export type { MediaReference, MediaReferences } from './media/media-references';
export { MAX_UPLOAD_URL_SECONDS, MediaOperations } from './media/media-operations';
export type { MediaSettings, MediaUpload, MediaView } from './media/media-operations';
export { MediaProcessor } from './media/media-processor';
export type { ProcessingOutcome } from './media/media-processor';
export { MediaErasure } from './media/media-erasure';
export { decodeEventKey, objectCreationsOf } from './media/s3-event';
export type { ObjectCreation } from './media/s3-event';
export { mediaApiConfig, mediaErasureBucket, mediaProcessorConfig } from './media/media-config';
export type { MediaApiConfig, MediaProcessorConfig } from './media/media-config';
export { createMediaApi, createMediaProcessing } from './media/media-apps';
export type { MediaApi, MediaProcessing } from './media/media-apps';
