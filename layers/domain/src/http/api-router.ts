import { HttpVerbs, Router } from '@aws-lambda-powertools/event-handler/http';
import type { HttpMethod, Path } from '@aws-lambda-powertools/event-handler/types';
import type { APIGatewayProxyEvent, APIGatewayProxyResult, Context } from 'aws-lambda';
import { MethodNotAllowedError, NotFoundError } from '../errors';
import { logger, metrics, MetricUnit } from '../observability';
import { requestIdOf } from './caller';
import { problemResponse } from './problem';
import { MAX_PATH_PARAMETER_LENGTH } from './path-parameter-limit';
import { apiResponseHeaders } from './response-headers';

/** A Powertools Router whose errors, from routes or from routing itself, are problem+json responses. */
export function createApiRouter(): Router {
  const router = new Router({ logger });
  router.use(async ({ reqCtx, next }) => {
    const tooLong = Object.values(reqCtx.params).some(
      (value) => value.length > MAX_PATH_PARAMETER_LENGTH,
    );
    if (tooLong) throw new NotFoundError('No resource has this id.');
    await next();
  });
  router.errorHandler(Error, async (error, reqCtx) =>
    problemResponse(
      // A path parameter such as `%FF` cannot be decoded, so it names nothing of ours.
      isUndecodablePath(error, reqCtx.event)
        ? new NotFoundError('No resource has this path.')
        : error,
      requestIdOf(reqCtx.event),
    ),
  );
  return router;
}

/** The router's own failure to decode the path, not a URIError from a route's code. */
function isUndecodablePath(error: Error, event: unknown): boolean {
  if (!(error instanceof URIError)) return false;
  const path = (event as { path?: unknown }).path;
  try {
    decodeURIComponent(typeof path === 'string' ? path : '');
    return false;
  } catch {
    return true;
  }
}

/** Answers every other method on `path` with a 405 problem that lists the allowed ones. */
export function allowOnly(router: Router, path: Path, allowed: readonly HttpMethod[]): void {
  const others = Object.values(HttpVerbs).filter((method) => !allowed.includes(method));
  router.route(
    () => {
      throw new MethodNotAllowedError(allowed);
    },
    { method: others, path },
  );
}

function headerOf(event: APIGatewayProxyEvent, name: string): string | null {
  const entry = Object.entries(event.headers ?? {}).find(([key]) => key.toLowerCase() === name);
  return entry?.[1] ?? null;
}

/**
 * API Gateway passes a GET or HEAD body through, but a web `Request` (which the
 * router builds) cannot carry one: such a body means nothing, so it is dropped.
 */
function withoutBodyOnSafeMethods(event: APIGatewayProxyEvent): APIGatewayProxyEvent {
  const safe = event.httpMethod === 'GET' || event.httpMethod === 'HEAD';
  return safe && event.body !== null ? { ...event, body: null, isBase64Encoded: false } : event;
}

/**
 * The Lambda handler for a REST API proxy integration. The CORS and
 * X-Request-Id headers are added after routing, not in router middleware,
 * so that they reach every response: a route's, a problem from a thrown
 * error, and the router's own 404 and 405. Each request also counts in
 * `RequestCount` by route (the API Gateway resource) and status.
 */
export function apiRequestHandler(
  router: Router,
  options: { allowedOrigins: readonly string[] },
): (event: APIGatewayProxyEvent, context: Context) => Promise<APIGatewayProxyResult> {
  return async (event, context) => {
    const result = await router.resolve(withoutBodyOnSafeMethods(event), context);
    const added = apiResponseHeaders(
      options.allowedOrigins,
      headerOf(event, 'origin'),
      requestIdOf(event),
    );
    // Lower case, like the names the router writes, so no header appears twice.
    for (const [name, value] of Object.entries(added)) {
      result.headers = { ...result.headers, [name.toLowerCase()]: value };
    }
    metrics.addDimensions({
      route: `${event.httpMethod} ${event.resource}`,
      status: String(result.statusCode),
    });
    metrics.addMetric('RequestCount', MetricUnit.Count, 1);
    return result;
  };
}
