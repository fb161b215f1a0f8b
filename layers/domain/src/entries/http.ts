// HTTP handling, errors, observability and storage helpers every function uses.

export { Router } from '@aws-lambda-powertools/event-handler/http';

export {
  createTracer,
  instrumentHandler,
  logger,
  metrics,
  MetricUnit,
  tracer,
} from '../observability';
export type { FunctionTracer, InstrumentOptions } from '../observability';
export {
  AccountDeletedError,
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
} from '../errors';
export type { FieldError } from '../errors';
export { parseWith, fieldErrorsOf } from '../validation';
export { applyMergePatch } from '../json-merge-patch';

export { allowOnly, apiRequestHandler, createApiRouter } from '../http/api-router';
export { refuseDeletedAccounts } from '../http/deleted-accounts';
export { callerOf, guestOf, requestIdOf } from '../http/caller';
export type { Caller, Guest } from '../http/caller';
export { assertPrecondition, etagOf, parseIfMatch } from '../http/etag';
export type { VersionPrecondition } from '../http/etag';
export { MAX_JSON_BODY_BYTES, readJsonBody } from '../http/json-body';
export { PROBLEM_CONTENT_TYPE, PROBLEM_TYPE_BASE } from '../http/problem-type';
export { problemDetailsFor, problemResponse } from '../http/problem';
export type { ProblemDetails } from '../http/problem';
export {
  DEFAULT_PAGE_SIZE,
  MAX_IDEMPOTENCY_KEY_LENGTH,
  MAX_PAGE_SIZE,
  parseCursorParameter,
  parseIdempotencyKey,
  parsePageSize,
} from '../http/request-parameters';
export { apiResponseHeaders } from '../http/response-headers';
export { jsonResponse, noContentResponse, versionedResponse } from '../http/responses';

export { CursorCodec } from '../pagination/cursor';
export type { CursorScope, PageKey } from '../pagination/cursor';
export { fixedCursorKeys } from '../pagination/cursor-keys';
export type { CursorKeys, CursorKeySource } from '../pagination/cursor-keys';
export { idempotentOperation } from '../dynamodb-idempotency';
export type { IdempotentOperation, IdempotentRequest } from '../dynamodb-idempotency';
export { createDocumentClient, createDynamoDbClient } from '../dynamodb';
