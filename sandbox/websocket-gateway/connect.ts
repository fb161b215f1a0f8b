// Opening a connection as API Gateway does: the upgrade request read into the
// connection's identity, then the REQUEST authorizer, then `$connect`; the
// connection opens only when both allow it.
import type { IncomingMessage } from 'node:http';
import type { InvokeResult } from '../runtime/function-host';
import { judgeAuthorizerResult, missingIdentitySource } from './authorization';
import {
  authorizerEvent,
  connectEvent,
  connectMethodArn,
  newGatewayId,
  type ConnectionInfo,
} from './events';
import { payloadOf, type GatewayScope } from './gateway-scope';

/** The identity of a connection asked for on the stage's path; undefined for another path. */
export function connectionInfoOf(
  request: IncomingMessage,
  scope: GatewayScope,
  host: string,
): ConnectionInfo | undefined {
  const stagePath = `/${scope.api.stageName}`;
  const url = request.url ?? '/';
  const queryStart = url.indexOf('?');
  const path = queryStart < 0 ? url : url.slice(0, queryStart);
  if (path !== stagePath && path !== `${stagePath}/`) return undefined;
  return {
    connectionId: newGatewayId(),
    connectedAt: Date.now(),
    apiId: scope.api.apiId,
    stage: scope.api.stageName,
    domainName: request.headers.host ?? host,
    sourceIp: (request.socket.remoteAddress ?? '127.0.0.1').replace(/^::ffff:/, ''),
    userAgent: request.headers['user-agent'],
    rawHeaders: request.rawHeaders,
    query: queryStart < 0 ? '' : url.slice(queryStart + 1),
  };
}

/** The HTTP status the upgrade gets: 2xx opens the connection. Sets the authorizer context. */
export async function authorizeAndConnect(
  scope: GatewayScope,
  info: ConnectionInfo,
): Promise<number> {
  const route = scope.api.routes.$connect;
  if (route?.authorizer) {
    const missing = missingIdentitySource(route.authorizer.identitySource, info);
    if (missing) {
      scope.log(`[ws] CONNECT ${info.connectionId} 401: no ${missing}`);
      return 401;
    }
    const methodArn = connectMethodArn(info, scope.region, scope.accountId);
    const requestId = newGatewayId();
    const started = performance.now();
    const result = await scope.invoke(
      route.authorizer.functionLogicalId,
      authorizerEvent(info, methodArn, requestId),
      requestId,
    );
    const verdict = judgeAuthorizerResult(result, methodArn, performance.now() - started);
    if (!verdict.allowed) {
      scope.log(`[ws] CONNECT ${info.connectionId} ${verdict.status}: ${verdict.reason}`);
      return verdict.status;
    }
    info.authorizer = verdict.context;
  }
  if (!route) return 200;
  const requestId = newGatewayId();
  return connectStatus(
    await scope.invoke(route.functionLogicalId, connectEvent(info, requestId), requestId),
  );
}

/** A `$connect` integration answering a non-2xx status refuses the connection. */
function connectStatus(result: InvokeResult): number {
  if (result.status === 'failed') return 500;
  const statusCode = (payloadOf(result) as { statusCode?: unknown } | null)?.statusCode;
  return typeof statusCode === 'number' ? statusCode : 200;
}
