import { instrumentHandler } from '@mobile-backend/domain/http';
import {
  connectionUserOf,
  createRealtime,
  frameBodyOf,
  realtimeConfig,
  type WebSocketRouteEvent,
} from '@mobile-backend/domain/apps/websocket';

const realtime = createRealtime(realtimeConfig());

/** One function for every route of the WebSocket API, by route key; frames go back through `@connections`. */
export const handler = instrumentHandler(
  async (event: WebSocketRouteEvent): Promise<{ statusCode: number }> => {
    const { routeKey, connectionId } = event.requestContext;
    switch (routeKey) {
      case '$connect':
        if ((await realtime.connect(connectionId, connectionUserOf(event))) === 'refused') {
          return { statusCode: 403 };
        }
        break;
      case '$disconnect':
        await realtime.disconnect(connectionId);
        break;
      case 'ping':
        await realtime.ping(connectionId);
        break;
      case 'typing':
        await realtime.relayTyping(connectionId, connectionUserOf(event), frameBodyOf(event));
        break;
      default:
        await realtime.rejectFrame(
          connectionId,
          'Send JSON with "action": "ping" or "typing" (see docs/api.md, Real time).',
        );
    }
    return { statusCode: 200 };
  },
  { correlationIdOf: (event) => event.requestContext.requestId },
);
