import { instrumentHandler } from '@mobile-backend/domain/http';
import {
  UNAUTHORIZED,
  authorizeConnection,
  createTokenVerifier,
  webSocketAuthorizerConfig,
  type WebSocketAuthorizerEvent,
} from '@mobile-backend/domain/apps/websocket-authorizer';

const verifier = createTokenVerifier(webSocketAuthorizerConfig());

/** `$connect` authorizer: the Cognito token in `?token=` → Allow for its user, or 401. */
export const handler = instrumentHandler(
  (event: WebSocketAuthorizerEvent) => authorizeConnection(event, verifier),
  // A bad token is the authorizer's answer (401), not a failure worth a stack trace.
  { isAnswer: (error) => error instanceof Error && error.message === UNAUTHORIZED },
);
