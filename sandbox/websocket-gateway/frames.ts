// A frame from a client: the route selection expression picks the route, its
// function gets the message event, and a route with a response returns the
// function's body to the client.
import { WebSocket } from 'ws';
import { webSocketLine } from '../runtime/access-lines';
import { messageEvent, newGatewayId } from './events';
import { payloadOf, type GatewayScope, type OpenConnection } from './gateway-scope';
import { selectRoute } from './route-selection';

export async function routeFrame(
  scope: GatewayScope,
  connection: OpenConnection,
  frame: { data: Buffer; isBinary: boolean },
): Promise<void> {
  const { api } = scope;
  const { info, socket } = connection;
  const started = performance.now();
  const requestId = newGatewayId();
  const routeKey = selectRoute(api.routeSelectionExpression, Object.keys(api.routes), frame);
  const route = api.routes[routeKey];
  const reply = (message: string) =>
    socket.readyState === WebSocket.OPEN &&
    socket.send(JSON.stringify({ message, connectionId: info.connectionId, requestId }));
  const logLine = (status: number, coldStart?: boolean, reason?: string) =>
    scope.log(
      webSocketLine(
        { routeKey, connectionId: info.connectionId, status, reason },
        { durationMs: performance.now() - started, coldStart },
      ),
    );
  if (!route) {
    reply('Forbidden');
    logLine(403, undefined, 'no route');
    return;
  }
  const result = await scope.invoke(
    route.functionLogicalId,
    messageEvent(info, routeKey, frame, requestId),
    requestId,
  );
  if (result.status === 'failed') {
    reply('Internal server error');
    logLine(500, result.coldStart, result.error.errorMessage);
    return;
  }
  logLine(200, result.coldStart);
  if (route.returnsResponse && socket.readyState === WebSocket.OPEN) {
    const payload = payloadOf(result);
    const body = (payload as { body?: unknown } | null)?.body ?? payload;
    if (body !== undefined && body !== null) {
      socket.send(typeof body === 'string' ? body : JSON.stringify(body));
    }
  }
}
