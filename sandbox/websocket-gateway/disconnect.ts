// A closed connection: API Gateway sends `$disconnect` (best effort, its
// answer goes nowhere), and the console gets the route's line.
import { webSocketLine } from '../runtime/access-lines';
import { disconnectEvent, newGatewayId, type ConnectionInfo } from './events';
import type { GatewayScope } from './gateway-scope';

export async function routeDisconnect(
  scope: GatewayScope,
  info: ConnectionInfo,
  close: { code: number; reason: string },
): Promise<void> {
  const route = scope.api.routes.$disconnect;
  if (!route) return;
  const started = performance.now();
  const requestId = newGatewayId();
  const result = await scope.invoke(
    route.functionLogicalId,
    disconnectEvent(info, close, requestId),
    requestId,
  );
  const failed = result.status === 'failed' ? result.error.errorMessage : undefined;
  scope.log(
    webSocketLine(
      {
        routeKey: '$disconnect',
        connectionId: info.connectionId,
        status: failed === undefined ? 200 : 500,
        reason: failed,
      },
      { durationMs: performance.now() - started, coldStart: result.coldStart },
    ),
  );
}
