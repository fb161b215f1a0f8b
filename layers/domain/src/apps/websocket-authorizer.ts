import { CognitoTokenVerifier } from '../realtime/cognito-token-verifier';
import type { WebSocketAuthorizerConfig } from '../realtime/realtime-config';

export { webSocketAuthorizerConfig } from '../realtime/realtime-config';
export type { WebSocketAuthorizerConfig } from '../realtime/realtime-config';
export { authorizeConnection, UNAUTHORIZED } from '../realtime/websocket-authorizer';
export type { WebSocketAuthorizerEvent } from '../realtime/websocket-authorizer';

/** WebSocketAuthorizerFunction's verifier of the local pool's tokens. Call once at module scope. */
export function createTokenVerifier(config: WebSocketAuthorizerConfig): CognitoTokenVerifier {
  return new CognitoTokenVerifier({ issuer: config.issuer, clientIds: config.clientIds });
}
