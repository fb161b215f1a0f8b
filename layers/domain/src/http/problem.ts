import { HttpError, RouteMatchingError } from '@aws-lambda-powertools/event-handler/http';
import { DomainError, MethodNotAllowedError, ValidationError } from '../errors';
import type { FieldError } from '../errors';
import { logger } from '../observability';
import { mapStackToSources } from '../source-mapped-stack';
import { PROBLEM_CONTENT_TYPE, PROBLEM_TYPE_BASE } from './problem-type';

/** RFC 9457 problem details, with the request id so a report can be matched to the logs. */
export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail: string;
  errors?: FieldError[];
  requestId: string;
}

interface Problem {
  problemType: string;
  title: string;
  status: number;
  detail: string;
  errors?: FieldError[];
  headers?: Record<string, string>;
}

function describe(error: unknown): Problem {
  if (error instanceof DomainError) {
    return {
      problemType: error.problemType,
      title: error.title,
      status: error.status,
      detail: error.message,
      ...(error instanceof ValidationError && { errors: error.errors }),
      ...(error instanceof MethodNotAllowedError && {
        headers: { Allow: error.allowedMethods.join(', ') },
      }),
    };
  }
  if (isIdempotencyError(error, 'IdempotencyValidationError')) {
    return {
      problemType: 'idempotency-key-reused',
      title: 'Idempotency Key Reused',
      status: 422,
      detail: 'This Idempotency-Key was already used with a different request body.',
    };
  }
  if (isIdempotencyError(error, 'IdempotencyAlreadyInProgressError')) {
    return {
      problemType: 'idempotency-in-progress',
      title: 'Request In Progress',
      status: 409,
      detail: 'A request with this Idempotency-Key is still being processed; retry later.',
    };
  }
  // The router's own errors: a path it has no route for, or an empty path parameter.
  if (
    (error instanceof HttpError && error.statusCode === 404) ||
    error instanceof RouteMatchingError
  ) {
    return { problemType: 'not-found', title: 'Not Found', status: 404, detail: 'No such route.' };
  }
  mapStackToSources(error);
  logger.error('Unexpected error', error instanceof Error ? error : String(error));
  return {
    problemType: 'internal-error',
    title: 'Internal Server Error',
    status: 500,
    detail: 'The server could not complete the request.',
  };
}

/** The problem details for any error; unknown errors become a 500 that reveals nothing about them. */
export function problemDetailsFor(
  error: unknown,
  requestId: string,
): { problem: ProblemDetails; headers: Record<string, string> } {
  const { problemType, headers = {}, ...rest } = describe(error);
  return { problem: { type: `${PROBLEM_TYPE_BASE}${problemType}`, ...rest, requestId }, headers };
}

/** Maps any error to an `application/problem+json` response. */
export function problemResponse(error: unknown, requestId: string): Response {
  const { problem, headers } = problemDetailsFor(error, requestId);
  return new Response(JSON.stringify(problem), {
    status: problem.status,
    headers: { ...headers, 'Content-Type': PROBLEM_CONTENT_TYPE },
  });
}

/**
 * Powertools idempotency's errors, by the names it gives them: importing its
 * classes here would load the whole package at every cold start, while it is
 * loaded only by the first request with an Idempotency-Key.
 */
function isIdempotencyError(
  error: unknown,
  name: 'IdempotencyValidationError' | 'IdempotencyAlreadyInProgressError',
): boolean {
  return error instanceof Error && error.name === name;
}
