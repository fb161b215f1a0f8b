// Events as API Gateway WebSocket APIs hand them to Lambda (AWS_PROXY):
// CONNECT / MESSAGE / DISCONNECT route events (`APIGatewayProxyWebsocketEventV2`)
// and the REQUEST authorizer's event on `$connect`.
import { randomBytes } from 'node:crypto';
import type { APIGatewayEventWebsocketRequestContextV2 } from 'aws-lambda';
import { formatRequestTime } from '../rest-gateway/event';

/** What the gateway knows about one connection, from its upgrade request on. */
export interface ConnectionInfo {
  connectionId: string;
  connectedAt: number;
  apiId: string;
  stage: string;
  /** The Host header, so that `domainName` names this gateway. */
  domainName: string;
  sourceIp: string;
  userAgent?: string;
  /** Header names and values as received (Node's `rawHeaders`), for CONNECT. */
  rawHeaders: string[];
  /** Raw query string of the upgrade request, without `?`. */
  query: string;
  /** `principalId`, `integrationLatency` and the context the authorizer returned. */
  authorizer?: Record<string, unknown>;
}

type RequestContext = Omit<APIGatewayEventWebsocketRequestContextV2, 'messageId'> & {
  messageId?: string;
  identity: { sourceIp: string; userAgent?: string };
  authorizer?: Record<string, unknown>;
  disconnectStatusCode?: number;
  disconnectReason?: string;
};

export interface WebSocketRouteEvent {
  requestContext: RequestContext;
  headers?: Record<string, string>;
  multiValueHeaders?: Record<string, string[]>;
  queryStringParameters?: Record<string, string>;
  multiValueQueryStringParameters?: Record<string, string[]>;
  body?: string;
  isBase64Encoded: boolean;
}

export interface WebSocketAuthorizerRequest {
  type: 'REQUEST';
  methodArn: string;
  headers: Record<string, string>;
  multiValueHeaders: Record<string, string[]>;
  queryStringParameters: Record<string, string>;
  multiValueQueryStringParameters: Record<string, string[]>;
  stageVariables: Record<string, string>;
  requestContext: RequestContext;
}

/** API Gateway's ids look like `SkKk2cCfoAMCJVw=`: 16 characters ending in `=`. */
export function newGatewayId(): string {
  return `${randomBytes(11).toString('base64url')}=`;
}

export function headersOf(rawHeaders: string[]): {
  headers: Record<string, string>;
  multiValueHeaders: Record<string, string[]>;
} {
  const headers: Record<string, string> = {};
  const multiValueHeaders: Record<string, string[]> = {};
  for (let index = 0; index + 1 < rawHeaders.length; index += 2) {
    const name = rawHeaders[index] as string;
    const value = rawHeaders[index + 1] as string;
    headers[name] = value;
    (multiValueHeaders[name] ??= []).push(value);
  }
  return { headers, multiValueHeaders };
}

function decode(component: string): string {
  try {
    return decodeURIComponent(component.replaceAll('+', ' '));
  } catch {
    return component;
  }
}

export function queryOf(query: string): {
  queryStringParameters: Record<string, string>;
  multiValueQueryStringParameters: Record<string, string[]>;
} {
  const queryStringParameters: Record<string, string> = {};
  const multiValueQueryStringParameters: Record<string, string[]> = {};
  for (const pair of query.split('&')) {
    if (!pair) continue;
    const separator = pair.indexOf('=');
    const name = decode(separator < 0 ? pair : pair.slice(0, separator));
    const value = separator < 0 ? '' : decode(pair.slice(separator + 1));
    queryStringParameters[name] = value;
    (multiValueQueryStringParameters[name] ??= []).push(value);
  }
  return { queryStringParameters, multiValueQueryStringParameters };
}

function requestContextOf(
  connection: ConnectionInfo,
  routeKey: string,
  eventType: RequestContext['eventType'],
  requestId: string,
  at: Date,
): RequestContext {
  return {
    routeKey,
    eventType,
    extendedRequestId: requestId,
    requestTime: formatRequestTime(at),
    messageDirection: 'IN',
    stage: connection.stage,
    connectedAt: connection.connectedAt,
    requestTimeEpoch: at.getTime(),
    identity: { userAgent: connection.userAgent, sourceIp: connection.sourceIp },
    requestId,
    domainName: connection.domainName,
    connectionId: connection.connectionId,
    apiId: connection.apiId,
  };
}

function forwardedHeaders(connection: ConnectionInfo, at: Date): string[] {
  const epoch = Math.floor(at.getTime() / 1000).toString(16);
  return [
    'X-Amzn-Trace-Id',
    `Root=1-${epoch}-${randomBytes(12).toString('hex')}`,
    'X-Forwarded-For',
    connection.sourceIp,
    'X-Forwarded-Port',
    '443',
    'X-Forwarded-Proto',
    'https',
  ];
}

/** The `$connect` route event: the upgrade request's headers and query, after the authorizer. */
export function connectEvent(
  connection: ConnectionInfo,
  requestId: string,
  at = new Date(),
): WebSocketRouteEvent {
  const query = queryOf(connection.query);
  return {
    ...headersOf([...connection.rawHeaders, ...forwardedHeaders(connection, at)]),
    ...(Object.keys(query.queryStringParameters).length > 0 ? query : {}),
    requestContext: {
      ...requestContextOf(connection, '$connect', 'CONNECT', requestId, at),
      ...(connection.authorizer ? { authorizer: connection.authorizer } : {}),
    },
    isBase64Encoded: false,
  };
}

/** A frame from the client, routed to `routeKey`. */
export function messageEvent(
  connection: ConnectionInfo,
  routeKey: string,
  frame: { data: Buffer; isBinary: boolean },
  requestId: string,
  at = new Date(),
): WebSocketRouteEvent {
  return {
    requestContext: {
      ...requestContextOf(connection, routeKey, 'MESSAGE', requestId, at),
      messageId: newGatewayId(),
      ...(connection.authorizer ? { authorizer: connection.authorizer } : {}),
    },
    body: frame.data.toString(frame.isBinary ? 'base64' : 'utf8'),
    isBase64Encoded: frame.isBinary,
  };
}

/** `$disconnect`, sent after the connection closed, whichever side closed it. */
export function disconnectEvent(
  connection: ConnectionInfo,
  close: { code: number; reason: string },
  requestId: string,
  at = new Date(),
): WebSocketRouteEvent {
  return {
    ...headersOf(['Host', connection.domainName, 'x-api-key', '', 'X-Forwarded-For', '']),
    requestContext: {
      ...requestContextOf(connection, '$disconnect', 'DISCONNECT', requestId, at),
      disconnectStatusCode: close.code,
      disconnectReason: close.reason,
      ...(connection.authorizer ? { authorizer: connection.authorizer } : {}),
    },
    isBase64Encoded: false,
  };
}

/** `arn:aws:execute-api:<region>:<account>:<apiId>/<stage>/$connect`. */
export function connectMethodArn(
  connection: ConnectionInfo,
  region: string,
  accountId: string,
): string {
  return `arn:aws:execute-api:${region}:${accountId}:${connection.apiId}/${connection.stage}/$connect`;
}

/** The REQUEST authorizer's event on `$connect`. */
export function authorizerEvent(
  connection: ConnectionInfo,
  methodArn: string,
  requestId: string,
  at = new Date(),
): WebSocketAuthorizerRequest {
  return {
    type: 'REQUEST',
    methodArn,
    ...headersOf([...connection.rawHeaders, ...forwardedHeaders(connection, at)]),
    ...queryOf(connection.query),
    stageVariables: {},
    requestContext: requestContextOf(connection, '$connect', 'CONNECT', requestId, at),
  };
}
