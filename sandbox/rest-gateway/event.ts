// An HTTP request as API Gateway hands it to a Lambda proxy integration
// (payload format 1.0), in the shape of `sam local generate-event apigateway aws-proxy`.
import { randomUUID } from 'node:crypto';
import type { APIGatewayEventIdentity, APIGatewayProxyEvent } from 'aws-lambda';
import type { RouteMatch } from './routes';

export interface GatewayRequest {
  method: string;
  /** Path after the stage, still percent-encoded, e.g. `/v1/items/01H`. */
  path: string;
  /** Raw query string, without `?`. */
  query: string;
  /** Header names and values as received (Node's `rawHeaders`). */
  rawHeaders: string[];
  body: Buffer;
  sourceIp: string;
  protocol: string;
}

export interface GatewayContext {
  stage: string;
  apiId: string;
  accountId: string;
  requestId: string;
  receivedAt: Date;
  /** Cognito claims, when an authorizer accepted the request. */
  claims?: Record<string, string>;
  /** The signer's identity, when AWS_IAM authorization accepted the request. */
  identity?: Partial<APIGatewayEventIdentity>;
}

const textTypes = [
  /^text\//,
  /^application\/(json|xml|javascript|x-www-form-urlencoded|graphql|ld\+json)\b/,
  /^application\/[\w.+-]+\+(json|xml)\b/,
];

/** Bodies of other content types are passed base64-encoded. */
export function isTextContent(contentType: string | undefined): boolean {
  if (!contentType) return true;
  const type = contentType.trim().toLowerCase();
  return textTypes.some((pattern) => pattern.test(type));
}

const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `09/Apr/2015:12:34:56 +0000`, API Gateway's `requestTime`. */
export function formatRequestTime(date: Date): string {
  const pad = (value: number): string => String(value).padStart(2, '0');
  return (
    `${pad(date.getUTCDate())}/${months[date.getUTCMonth()]}/${date.getUTCFullYear()}:` +
    `${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())} +0000`
  );
}

function decodeQueryComponent(value: string): string {
  try {
    return decodeURIComponent(value.replaceAll('+', ' '));
  } catch {
    return value;
  }
}

type Single = Record<string, string>;
type Multi = Record<string, string[]>;

function collectHeaders(rawHeaders: string[]): { headers: Single; multi: Multi } {
  const headers: Single = {};
  const multi: Multi = {};
  for (let index = 0; index + 1 < rawHeaders.length; index += 2) {
    const name = rawHeaders[index] as string;
    const value = rawHeaders[index + 1] as string;
    headers[name] = value;
    (multi[name] ??= []).push(value);
  }
  return { headers, multi };
}

function collectQuery(query: string): { single: Single; multi: Multi } | null {
  if (!query) return null;
  const single: Single = {};
  const multi: Multi = {};
  for (const pair of query.split('&')) {
    if (!pair) continue;
    const separator = pair.indexOf('=');
    const name = decodeQueryComponent(separator < 0 ? pair : pair.slice(0, separator));
    const value = separator < 0 ? '' : decodeQueryComponent(pair.slice(separator + 1));
    single[name] = value;
    (multi[name] ??= []).push(value);
  }
  return Object.keys(single).length > 0 ? { single, multi } : null;
}

function headerValue(headers: Single, name: string): string | undefined {
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(headers))
    if (key.toLowerCase() === wanted) return value;
  return undefined;
}

/**
 * `count` random hex digits. From randomUUID, which draws on an entropy cache,
 * where randomBytes asks the system for each few bytes: two per request made
 * it one of the gateway thread's larger costs. A v4 UUID's digits 12 and 16
 * are not random (version, variant), so they are skipped; 30 remain.
 */
function randomHex(count: number): string {
  const uuid = randomUUID().replaceAll('-', '');
  return `${uuid.slice(0, 12)}${uuid.slice(13, 16)}${uuid.slice(17)}`.slice(0, count);
}

/** Headers API Gateway adds in front of the integration when the client did not send them. */
function addForwardingHeaders(
  collected: { headers: Single; multi: Multi },
  request: GatewayRequest,
  context: GatewayContext,
): void {
  const added: Single = {
    'X-Amzn-Trace-Id': `Root=1-${Math.floor(context.receivedAt.getTime() / 1000).toString(16)}-${randomHex(24)}`,
    'X-Forwarded-For': request.sourceIp,
    'X-Forwarded-Port': '443',
    'X-Forwarded-Proto': 'https',
  };
  for (const [name, value] of Object.entries(added)) {
    if (headerValue(collected.headers, name) !== undefined) continue;
    collected.headers[name] = value;
    collected.multi[name] = [value];
  }
}

export function toProxyEvent(
  request: GatewayRequest,
  match: RouteMatch,
  context: GatewayContext,
): APIGatewayProxyEvent {
  const collected = collectHeaders(request.rawHeaders);
  addForwardingHeaders(collected, request, context);
  const query = collectQuery(request.query);
  const hasBody = request.body.length > 0;
  const isBase64Encoded = hasBody && !isTextContent(headerValue(collected.headers, 'content-type'));
  const host = headerValue(collected.headers, 'host')?.split(':')[0] ?? 'localhost';
  return {
    body: hasBody ? request.body.toString(isBase64Encoded ? 'base64' : 'utf8') : null,
    resource: match.route.resource,
    path: request.path,
    httpMethod: request.method,
    isBase64Encoded,
    queryStringParameters: query?.single ?? null,
    multiValueQueryStringParameters: query?.multi ?? null,
    pathParameters: match.pathParameters,
    stageVariables: null,
    headers: collected.headers,
    multiValueHeaders: collected.multi,
    requestContext: {
      accountId: context.accountId,
      resourceId: match.route.resourceId,
      stage: context.stage,
      requestId: context.requestId,
      extendedRequestId: Buffer.from(randomHex(12), 'hex').toString('base64url') + '=',
      requestTime: formatRequestTime(context.receivedAt),
      requestTimeEpoch: context.receivedAt.getTime(),
      identity: {
        cognitoIdentityPoolId: null,
        accountId: null,
        cognitoIdentityId: null,
        caller: null,
        accessKey: null,
        sourceIp: request.sourceIp,
        principalOrgId: null,
        cognitoAuthenticationType: null,
        cognitoAuthenticationProvider: null,
        userArn: null,
        userAgent: headerValue(collected.headers, 'user-agent') ?? null,
        user: null,
        apiKey: null,
        apiKeyId: null,
        clientCert: null,
        ...context.identity,
      },
      path: `/${context.stage}${request.path}`,
      resourcePath: match.route.resource,
      httpMethod: request.method,
      apiId: context.apiId,
      protocol: request.protocol,
      domainName: host,
      domainPrefix: host.split('.')[0],
      authorizer: context.claims ? { claims: context.claims } : undefined,
    },
  };
}
