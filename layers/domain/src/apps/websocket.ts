// WebSocketFunction: every route of the WebSocket API.
import type { ConnectionMessenger } from '../realtime/connection-messenger';
import type { RealtimeConfig } from '../realtime/realtime-config';
import type { RealtimeOperations } from '../realtime/realtime-operations';
import { onFirstUse } from './parts/on-first-use';
import { createRealtime as createRealtimeWith } from './parts/realtime';

export { realtimeConfig } from '../realtime/realtime-config';
export type { RealtimeConfig } from '../realtime/realtime-config';
export { connectionUserOf, frameBodyOf } from '../realtime/websocket-event';
export type { WebSocketRouteEvent } from '../realtime/websocket-event';

/**
 * What parts/realtime.ts wires, with the @connections client loaded on first
 * use: a new connection's cold start runs $connect, which never sends a
 * frame. (The message worker sends frames with every message, so it loads
 * the client at once.) Call once at module scope.
 */
export function createRealtime(config: RealtimeConfig): RealtimeOperations {
  return createRealtimeWith(config, connectionMessenger(config.managementEndpoint));
}

function connectionMessenger(endpoint: string): ConnectionMessenger {
  return onFirstUse<ConnectionMessenger>(
    async () =>
      (
        await import('../realtime/api-gateway-connection-messenger')
      ).ApiGatewayConnectionMessenger.create(endpoint),
    { send: true, disconnect: true },
  );
}
