// Opening a connection as API Gateway does: the upgrade request read into the
// connection's identity, then the REQUEST authorizer, then `$connect`; the
// connection opens only when both allow it.
import type { IncomingMessage } from 'node:http';
import { webSocketLine } from '../runtime/access-lines';
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

/** What opening a connection came to, for the upgrade's status and the console line. */
interface ConnectOutcome {
  status: number;
  reason?: string;
  /** Of the last function that ran: `$connect`, or the authorizer that refused. */
  coldStart?: boolean;
}

/** The HTTP status the upgrade gets: 2xx opens the connection. Sets the authorizer context. */
export async function authorizeAndConnect(
  scope: GatewayScope,
  info: ConnectionInfo,
): Promise<number> {
  const started = performance.now();
  const { status, reason, coldStart } = await connectOutcome(scope, info);
  scope.log(
    webSocketLine(
      { routeKey: '$connect', connectionId: info.connectionId, status, reason },
      { durationMs: performance.now() - started, coldStart },
    ),
  );
  return status;
}

async function connectOutcome(scope: GatewayScope, info: ConnectionInfo): Promise<ConnectOutcome> {
  const route = scope.api.routes.$connect;
  if (route?.authorizer) {
    const missing = missingIdentitySource(route.authorizer.identitySource, info);
    if (missing) return { status: 401, reason: `no ${missing}` };
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
      return { status: verdict.status, reason: verdict.reason, coldStart: result.coldStart };
    }
    info.authorizer = verdict.context;
  }
  if (!route) return { status: 200 };
  const requestId = newGatewayId();
  const result = await scope.invoke(
    route.functionLogicalId,
    connectEvent(info, requestId),
    requestId,
  );
  return { status: connectStatus(result), coldStart: result.coldStart };
}

/** A `$connect` integration answering a non-2xx status refuses the connection. */
function connectStatus(result: InvokeResult): number {
  if (result.status === 'failed') return 500;
  const statusCode = (payloadOf(result) as { statusCode?: unknown } | null)?.statusCode;
  return typeof statusCode === 'number' ? statusCode : 200;
}
