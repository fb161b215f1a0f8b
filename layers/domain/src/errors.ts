/** One field that failed validation, `path` in dot notation (`tags.3`), empty for the whole body. */
export interface FieldError {
  path: string;
  message: string;
}

/**
 * An error the domain expects and can explain to the caller. Each kind carries
 * its RFC 9457 problem type and HTTP status, so the mapping to HTTP lives in
 * one place (http/problem.ts) instead of in every handler.
 */
export abstract class DomainError extends Error {
  abstract readonly status: number;
  /** Last segment of the problem type URI. */
  abstract readonly problemType: string;
  abstract readonly title: string;
}

export class BadRequestError extends DomainError {
  readonly status = 400;
  readonly problemType = 'bad-request';
  readonly title = 'Bad Request';
  override readonly name: string = 'BadRequestError';
}

export class UnauthorizedError extends DomainError {
  readonly status = 401;
  readonly problemType = 'unauthorized';
  readonly title = 'Unauthorized';
  override readonly name: string = 'UnauthorizedError';
}

/**
 * A still-valid token of an account that is being, or has been, erased: the
 * caller is known, and nothing of this account is served or written any more.
 */
export class AccountDeletedError extends DomainError {
  readonly status = 403;
  readonly problemType = 'account-deleted';
  readonly title = 'Account Deleted';
  override readonly name: string = 'AccountDeletedError';
}

export class NotFoundError extends DomainError {
  readonly status = 404;
  readonly problemType = 'not-found';
  readonly title = 'Not Found';
  override readonly name: string = 'NotFoundError';
}

export class MethodNotAllowedError extends DomainError {
  readonly status = 405;
  readonly problemType = 'method-not-allowed';
  readonly title = 'Method Not Allowed';
  override readonly name: string = 'MethodNotAllowedError';

  constructor(readonly allowedMethods: readonly string[]) {
    super(`Allowed methods: ${allowedMethods.join(', ')}.`);
  }
}

export class ConflictError extends DomainError {
  readonly status = 409;
  readonly problemType = 'conflict';
  readonly title = 'Conflict';
  override readonly name: string = 'ConflictError';
}

/** A conditional write found another version than the one it was based on. */
export class StaleVersionError extends ConflictError {
  override readonly name: string = 'StaleVersionError';
}

export class PreconditionFailedError extends DomainError {
  readonly status = 412;
  readonly problemType = 'precondition-failed';
  readonly title = 'Precondition Failed';
  override readonly name: string = 'PreconditionFailedError';
}

export class PayloadTooLargeError extends DomainError {
  readonly status = 413;
  readonly problemType = 'payload-too-large';
  readonly title = 'Payload Too Large';
  override readonly name: string = 'PayloadTooLargeError';
}

export class UnsupportedMediaTypeError extends DomainError {
  readonly status = 415;
  readonly problemType = 'unsupported-media-type';
  readonly title = 'Unsupported Media Type';
  override readonly name: string = 'UnsupportedMediaTypeError';
}

export class ValidationError extends DomainError {
  readonly status = 422;
  readonly problemType = 'validation-failed';
  readonly title = 'Validation Failed';
  override readonly name: string = 'ValidationError';

  constructor(
    readonly errors: FieldError[],
    detail = 'The request body is not valid.',
  ) {
    super(detail);
  }
}
