// The local API Gateway REST API: stage prefix → route → the method's
// throttling → body limit → CORS preflight → authorizer → proxy event →
// function → proxy reply.
// Every reply carries X-Amzn-RequestId, the requestContext.requestId the handler sees.
import { createHash, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { APIGatewayProxyEvent } from 'aws-lambda';
import { restLine } from '../runtime/access-lines';
import type { InvokeResult } from '../runtime/function-host';
import { closeServer, listen } from '../runtime/listen';
import type { FunctionSpec, RestApiSpec } from '../template/model';
import type { IssuedCredentials } from '../iam/issued-credentials';
import type { TokenAuthorizer } from './authorizer';
import { preflightReply } from './cors';
import { toProxyEvent, type GatewayRequest } from './event';
import { renderGatewayResponse } from './gateway-responses';
import { authorizeIam, type IamVerdict } from './iam-authorization';
import { internalServerError, replyFromInvocation, type HttpReply } from './response';
import { createRouteTable } from './routes';
import { readBody } from '../http/read-body';
import { createMethodThrottle } from './method-throttle';

export interface RestGatewayOptions {
  port: number;
  host?: string;
  api: RestApiSpec;
  /** Functions whose Api events belong to this API become its routes. */
  functions: FunctionSpec[];
  invoke: (functionLogicalId: string, event: APIGatewayProxyEvent) => Promise<InvokeResult>;
  /** By authorizer name, as in the API's Auth.Authorizers. */
  authorizers: Record<string, TokenAuthorizer>;
  accountId?: string;
  /** AWS_IAM methods: the credentials to check signatures against, and the API's method ARNs. */
  iam?: {
    credentials: IssuedCredentials;
    /** `arn:aws:execute-api:<region>:<account>:<api id>/<stage>`, as the template's policies name it. */
    methodArnPrefix: string;
  };
  /** Access log line per request; defaults to the console. */
  log?: (line: string) => void;
}

export interface RestGateway {
  /** Base URL including the stage, like the deployed stack's ApiUrl output. */
  url: string;
  close(): Promise<void>;
}

/** What the request's console line tells besides method, path, status and duration. */
interface RequestOutcome {
  coldStart?: boolean;
  reason?: string;
}

/** The authorizer name SAM gives SigV4-signed methods. */
const IAM_AUTHORIZER = 'AWS_IAM';

/** API Gateway's payload limit for REST APIs. */
export const maxBodyBytes = 10 * 1024 * 1024;

/** A stable, API Gateway-like API id (10 lower-case alphanumerics). */
function apiIdOf(logicalId: string): string {
  const digest = createHash('sha256').update(logicalId).digest();
  return Array.from(
    digest.subarray(0, 10),
    (byte) => 'abcdefghijklmnopqrstuvwxyz0123456789'[byte % 36],
  ).join('');
}

function findHeader(rawHeaders: string[], name: string): string | undefined {
  const wanted = name.toLowerCase();
  for (let index = 0; index + 1 < rawHeaders.length; index += 2) {
    if (rawHeaders[index]?.toLowerCase() === wanted) return rawHeaders[index + 1];
  }
  return undefined;
}

export async function startRestGateway(options: RestGatewayOptions): Promise<RestGateway> {
  const host = options.host ?? '127.0.0.1';
  const { api } = options;
  const stagePrefix = `/${api.stageName}`;
  const routes = createRouteTable(api, options.functions);
  const apiId = apiIdOf(api.logicalId);
  const accountId = options.accountId ?? '123456789012';
  const log = options.log ?? ((line: string) => console.log(line));
  const throttle = api.throttling && createMethodThrottle(api.throttling);

  for (const name of new Set(
    options.functions.flatMap((fn) =>
      fn.apiEvents.map((event) => event.authorizer ?? api.defaultAuthorizer),
    ),
  )) {
    if (name === IAM_AUTHORIZER && !options.iam) {
      throw new Error(
        `${api.logicalId} has AWS_IAM methods, but the gateway was given no credentials to check`,
      );
    }
    if (name && name !== 'NONE' && name !== IAM_AUTHORIZER && !options.authorizers[name]) {
      throw new Error(
        `${api.logicalId} uses authorizer ${name}, but none was given to the gateway`,
      );
    }
  }

  /** `outcome` learns whether the route's function ran cold or warm, and why a request was refused. */
  async function handle(
    request: IncomingMessage,
    requestId: string,
    outcome: RequestOutcome,
  ): Promise<HttpReply> {
    const url = request.url ?? '/';
    const queryStart = url.indexOf('?');
    const fullPath = queryStart < 0 ? url : url.slice(0, queryStart);
    const method = request.method ?? 'GET';
    const onStage = fullPath === stagePrefix || fullPath.startsWith(`${stagePrefix}/`);
    const path = onStage ? fullPath.slice(stagePrefix.length) || '/' : fullPath;
    const match = onStage ? routes.match(method, path) : undefined;
    if (onStage && throttle && !throttle.take(match?.route)) {
      request.resume();
      return renderGatewayResponse(api, 'THROTTLED', { requestId });
    }
    const body = await readBody(request, maxBodyBytes);
    if (!body) return renderGatewayResponse(api, 'REQUEST_TOO_LARGE', { requestId });

    if (method === 'OPTIONS' && api.cors && onStage && routes.hasResource(path)) {
      return preflightReply(api.cors);
    }
    if (!match) return renderGatewayResponse(api, 'MISSING_AUTHENTICATION_TOKEN', { requestId });

    let claims: Record<string, string> | undefined;
    let identity: (IamVerdict & { allowed: true })['identity'] | undefined;
    if (match.route.authorizer === IAM_AUTHORIZER) {
      const verdict = await authorizeIamRequest(
        request,
        path,
        queryStart < 0 ? '' : url.slice(queryStart + 1),
        body,
      );
      if (!verdict.allowed) {
        log(`[api] ${requestId} refused (AWS_IAM): ${verdict.reason}`);
        return renderGatewayResponse(api, verdict.response, {
          requestId,
          ...(verdict.message !== undefined && { message: verdict.message }),
        });
      }
      identity = verdict.identity;
    } else if (match.route.authorizer) {
      const authorizer = options.authorizers[match.route.authorizer] as TokenAuthorizer;
      const verdict = await authorizer.authorize(
        findHeader(request.rawHeaders, authorizer.header),
        match.route.authorizationScopes,
      );
      if (!verdict.authorized) {
        outcome.reason = `unauthorized (${verdict.reason})`;
        return renderGatewayResponse(api, 'UNAUTHORIZED', { requestId });
      }
      claims = verdict.claims;
    }

    const gatewayRequest: GatewayRequest = {
      method,
      path,
      query: queryStart < 0 ? '' : url.slice(queryStart + 1),
      rawHeaders: request.rawHeaders,
      body,
      sourceIp: (request.socket.remoteAddress ?? '127.0.0.1').replace(/^::ffff:/, ''),
      protocol: `HTTP/${request.httpVersion}`,
    };
    const event = toProxyEvent(gatewayRequest, match, {
      stage: api.stageName,
      apiId,
      accountId,
      requestId,
      receivedAt: new Date(),
      claims,
      identity,
    });
    const result = await options.invoke(match.route.functionLogicalId, event);
    outcome.coldStart = result.coldStart;
    const { reply, problem } = replyFromInvocation(result);
    if (!problem) return reply;
    outcome.reason = `${match.route.functionLogicalId} ${requestId}: ${problem}`;
    return renderGatewayResponse(api, 'DEFAULT_5XX', { requestId });
  }

  function authorizeIamRequest(
    request: IncomingMessage,
    path: string,
    rawQuery: string,
    body: Buffer,
  ): Promise<IamVerdict> {
    const iam = options.iam as NonNullable<RestGatewayOptions['iam']>;
    const method = (request.method ?? 'GET').toUpperCase();
    // Signed over the path the client sent, stage included.
    const rawPath = (request.url ?? '/').split('?')[0] ?? '/';
    return authorizeIam(
      { method, rawPath, rawQuery, headers: request.headers, body },
      `${iam.methodArnPrefix}/${method}${path}`,
      iam.credentials,
    );
  }

  function send(response: ServerResponse, reply: HttpReply, requestId: string): void {
    response.writeHead(reply.statusCode, {
      ...reply.headers,
      'Content-Length': String(reply.body.length),
      'X-Amzn-RequestId': requestId,
    });
    response.end(reply.body);
  }

  const server = createServer((request, response) => {
    const requestId = randomUUID();
    const started = performance.now();
    const outcome: RequestOutcome = {};
    handle(request, requestId, outcome)
      .catch((error: unknown) => {
        log(
          `[api] ${requestId} gateway error: ${error instanceof Error ? error.stack : String(error)}`,
        );
        return internalServerError;
      })
      .then((reply) => {
        send(response, reply, requestId);
        const { method = 'GET', url = '/' } = request;
        const status = reply.statusCode;
        log(
          restLine(
            { method, url, status, reason: outcome.reason },
            { durationMs: performance.now() - started, coldStart: outcome.coldStart },
          ),
        );
      })
      .catch(() => response.destroy());
  });
  const base = await listen(server, options.port, host, `REST API ${api.logicalId}`);

  return { url: `${base}${stagePrefix}`, close: () => closeServer(server) };
}
