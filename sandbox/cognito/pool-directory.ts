// Which template user pool a Cognito request concerns: admin operations name
// the pool, app operations its client, ChangePassword only an access token.
// Pools the template does not declare have no rules here.
import { decodeJwt } from 'jose';
import type { PoolRules } from './sign-up-rules';

export interface PoolReference {
  UserPoolId?: unknown;
  ClientId?: unknown;
  AccessToken?: unknown;
}

export interface PoolDirectory {
  add(poolId: string, clientIds: string[], rules: PoolRules): void;
  rulesFor(request: PoolReference): PoolRules | undefined;
}

export function createPoolDirectory(): PoolDirectory {
  const byPoolId = new Map<string, PoolRules>();
  const byClientId = new Map<string, PoolRules>();
  const clientOf = (request: PoolReference): unknown =>
    request.ClientId ?? clientOfToken(request.AccessToken);
  return {
    add(poolId, clientIds, rules) {
      byPoolId.set(poolId, rules);
      for (const clientId of clientIds) byClientId.set(clientId, rules);
    },
    rulesFor(request) {
      const poolId = request.UserPoolId;
      if (typeof poolId === 'string') return byPoolId.get(poolId);
      const clientId = clientOf(request);
      return typeof clientId === 'string' ? byClientId.get(clientId) : undefined;
    },
  };
}

/** Only to find the pool: cognito-local itself checks the token when the request goes through. */
function clientOfToken(token: unknown): unknown {
  if (typeof token !== 'string') return undefined;
  try {
    return decodeJwt(token).client_id;
  } catch {
    return undefined;
  }
}
