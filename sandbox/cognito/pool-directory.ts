// Which template user pool a Cognito request concerns: admin operations name
// the pool, app operations its client, ChangePassword only an access token.
// Pools the template does not declare have no rules here.
import { decodeJwt } from 'jose';
import type { UserPoolClientSpec, UserPoolSpec } from '../template/model';

export interface PoolReference {
  UserPoolId?: unknown;
  ClientId?: unknown;
  AccessToken?: unknown;
}

export interface PoolEntry<Pool> {
  /** The id cognito-local gave the pool. */
  poolId: string;
  pool: Pool;
  /** The template's app client the request names, when it names one the template declares. */
  client?: UserPoolClientSpec;
}

export interface PoolDirectory<Pool = UserPoolSpec> {
  /** A pool under cognito-local's ids, with the template's spec of each client by its id. */
  add(
    poolId: string,
    clientIds: string[],
    pool: Pool,
    clients?: Readonly<Record<string, UserPoolClientSpec>>,
  ): void;
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
    add(poolId, clientIds, pool, clients = {}) {
      byPoolId.set(poolId, { poolId, pool });
      for (const clientId of clientIds) {
        const client = clients[clientId];
        byClientId.set(clientId, { poolId, pool, ...(client && { client }) });
      }
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
