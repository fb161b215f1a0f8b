import type { APIGatewayAuthorizerResult } from 'aws-lambda';
import type { CognitoTokenVerifier } from './cognito-token-verifier';

/**
 * What API Gateway sends a REQUEST authorizer on a WebSocket `$connect`
 * (IdentitySource `route.request.querystring.token`).
 */
export interface WebSocketAuthorizerEvent {
  type: 'REQUEST';
  methodArn: string;
  headers?: Record<string, string | undefined> | null;
  queryStringParameters?: Record<string, string | undefined> | null;
  requestContext: { routeKey: string; eventType: string; connectionId: string };
}

/** The authorizer context every later event of the connection carries in `requestContext.authorizer`. */
export interface ConnectionAuthorizerContext {
  userId: string;
  tokenUse: string;
}

/**
 * Thrown with exactly this message, API Gateway answers 401 (a Deny policy
 * would be 403): a missing or bad token is "unauthorized", not "forbidden".
 */
export const UNAUTHORIZED = 'Unauthorized';

/** Allows the connection for the token's user, or throws `Unauthorized`. */
export async function authorizeConnection(
  event: WebSocketAuthorizerEvent,
  verifier: CognitoTokenVerifier,
): Promise<APIGatewayAuthorizerResult> {
  const token = event.queryStringParameters?.token;
  const verified = token ? await verifier.verify(token) : undefined;
  if (!verified) throw new Error(UNAUTHORIZED);
  const context: ConnectionAuthorizerContext = {
    userId: verified.userId,
    tokenUse: String(verified.claims.token_use),
  };
  return {
    principalId: verified.userId,
    policyDocument: {
      Version: '2012-10-17',
      Statement: [{ Action: 'execute-api:Invoke', Effect: 'Allow', Resource: event.methodArn }],
    },
    context: { ...context },
  };
}
