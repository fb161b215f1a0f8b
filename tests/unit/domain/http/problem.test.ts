import { jest } from '@jest/globals';
import {
  IdempotencyAlreadyInProgressError,
  IdempotencyValidationError,
} from '@aws-lambda-powertools/idempotency';
import { NotFoundError as RouteNotFoundError } from '@aws-lambda-powertools/event-handler/http';
import {
  BadRequestError,
  ConflictError,
  logger,
  MethodNotAllowedError,
  NotFoundError,
  PayloadTooLargeError,
  PreconditionFailedError,
  problemResponse,
  StaleVersionError,
  UnauthorizedError,
  UnsupportedMediaTypeError,
  ValidationError,
} from '@mobile-backend/domain/http';

const requestId = 'req-123';

async function problemOf(error: unknown) {
  const response = problemResponse(error, requestId);
  return {
    status: response.status,
    contentType: response.headers.get('content-type'),
    body: (await response.json()) as Record<string, unknown>,
    response,
  };
}

describe('problem responses', () => {
  it.each([
    [new BadRequestError('bad cursor'), 400, 'bad-request'],
    [new UnauthorizedError('no token'), 401, 'unauthorized'],
    [new NotFoundError('No such item.'), 404, 'not-found'],
    [new MethodNotAllowedError(['GET']), 405, 'method-not-allowed'],
    [new ConflictError('busy'), 409, 'conflict'],
    [new StaleVersionError('moved on'), 409, 'conflict'],
    [new PreconditionFailedError('version 3'), 412, 'precondition-failed'],
    [new PayloadTooLargeError('too big'), 413, 'payload-too-large'],
    [new UnsupportedMediaTypeError('xml'), 415, 'unsupported-media-type'],
    [new ValidationError([{ path: 'title', message: 'Required' }]), 422, 'validation-failed'],
  ])('map %p to status %i with its problem type', async (error, status, type) => {
    const problem = await problemOf(error);

    expect(problem.status).toBe(status);
    expect(problem.contentType).toBe('application/problem+json');
    expect(problem.body).toMatchObject({
      type: `https://mobile-backend.dev/problems/${type}`,
      status,
      detail: (error as Error).message,
      requestId,
    });
    expect(typeof problem.body.title).toBe('string');
  });

  it('list the failing fields of a validation error', async () => {
    const errors = [{ path: 'tags.0', message: 'Too long' }];

    const { body } = await problemOf(new ValidationError(errors));

    expect(body.errors).toEqual(errors);
  });

  it('carry an Allow header on 405', async () => {
    const { response } = await problemOf(new MethodNotAllowedError(['GET', 'POST']));

    expect(response.headers.get('allow')).toBe('GET, POST');
  });

  it('map a reused idempotency key with another body to 422', async () => {
    const problem = await problemOf(new IdempotencyValidationError('payload mismatch'));

    expect(problem.status).toBe(422);
    expect(problem.body.type).toBe('https://mobile-backend.dev/problems/idempotency-key-reused');
  });

  it('map a request still in progress under the same idempotency key to 409', async () => {
    expect((await problemOf(new IdempotencyAlreadyInProgressError('busy'))).status).toBe(409);
  });

  it("map the router's unknown route to 404", async () => {
    const problem = await problemOf(new RouteNotFoundError('Route /nope for method GET not found'));

    expect(problem.status).toBe(404);
    expect(problem.body.detail).toBe('No such route.');
  });

  it('turn an unknown error into a 500 that reveals nothing of it', async () => {
    const logged = jest.spyOn(logger, 'error').mockImplementation(() => undefined);

    const problem = await problemOf(new Error('connect ECONNREFUSED 10.0.0.7:8000 at Socket.x'));

    expect(problem.status).toBe(500);
    expect(JSON.stringify(problem.body)).not.toMatch(/ECONNREFUSED|10\.0\.0\.7|Socket/);
    expect(problem.body).toMatchObject({ status: 500, requestId });
    expect(problem.body).not.toHaveProperty('stack');
    expect(logged).toHaveBeenCalled();
    logged.mockRestore();
  });

  it('turn a thrown non-error into a 500 as well', async () => {
    const logged = jest.spyOn(logger, 'error').mockImplementation(() => undefined);

    expect((await problemOf('a string')).status).toBe(500);
    logged.mockRestore();
  });
});
