import type {
  APIGatewayEventWebsocketRequestContextV2,
  APIGatewayProxyWebsocketEventV2WithRequestContext,
} from 'aws-lambda';
import { UnauthorizedError } from '../errors';
import type { ConnectionAuthorizerContext } from './websocket-authorizer';

/**
 * A WebSocket route event. The context the `$connect` authorizer returned
 * comes with every later event of the connection, `$disconnect` included.
 */
export type WebSocketRouteEvent = APIGatewayProxyWebsocketEventV2WithRequestContext<
  APIGatewayEventWebsocketRequestContextV2 & {
    authorizer?: Partial<ConnectionAuthorizerContext> & { principalId?: string };
  }
>;

/** The connection's user, as the authorizer established it. */
export function connectionUserOf(event: WebSocketRouteEvent): string {
  const userId = event.requestContext.authorizer?.userId;
  if (!userId) throw new UnauthorizedError('The connection has no authorized user.');
  return userId;
}

/** The frame's JSON, or undefined when it is not JSON (API Gateway routes those to `$default`). */
export function frameBodyOf(event: WebSocketRouteEvent): unknown {
  if (event.body === undefined || event.isBase64Encoded) return undefined;
  try {
    return JSON.parse(event.body) as unknown;
  } catch {
    return undefined;
  }
}
