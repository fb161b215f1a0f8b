// Which template user pool a Cognito request concerns: admin operations name
// the pool, app operations its client, ChangePassword only an access token.
// Pools the template does not declare have no rules here.
import { decodeJwt } from 'jose';
import type { UserPoolSpec } from '../template/model';

export interface PoolReference {
  UserPoolId?: unknown;
  ClientId?: unknown;
  AccessToken?: unknown;
}

export interface PoolEntry<Pool> {
  /** The id cognito-local gave the pool. */
  poolId: string;
  pool: Pool;
}

export interface PoolDirectory<Pool = UserPoolSpec> {
  add(poolId: string, clientIds: string[], pool: Pool): void;
  rulesFor(request: PoolReference): Pool | undefined;
  entryFor(request: PoolReference): PoolEntry<Pool> | undefined;
}

export function createPoolDirectory<Pool = UserPoolSpec>(): PoolDirectory<Pool> {
  const byPoolId = new Map<string, PoolEntry<Pool>>();
  const byClientId = new Map<string, PoolEntry<Pool>>();
  const clientOf = (request: PoolReference): unknown =>
    request.ClientId ?? clientOfToken(request.AccessToken);
  const entryFor = (request: PoolReference): PoolEntry<Pool> | undefined => {
    const poolId = request.UserPoolId;
    if (typeof poolId === 'string') return byPoolId.get(poolId);
    const clientId = clientOf(request);
    return typeof clientId === 'string' ? byClientId.get(clientId) : undefined;
  };
  return {
    add(poolId, clientIds, pool) {
      const entry = { poolId, pool };
      byPoolId.set(poolId, entry);
      for (const clientId of clientIds) byClientId.set(clientId, entry);
    },
    rulesFor: (request) => entryFor(request)?.pool,
    entryFor,
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
