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
