// Identities of the local identity pools, in memory: a guest's identity is
// new at every GetId without logins (as Cognito's); a signed-in user's is one
// per provider and subject, and a guest identity that signs in becomes that
// user's (Cognito keeps the id, so the app's guest identity carries over).
import { randomUUID } from 'node:crypto';

export interface LocalIdentity {
  id: string;
  poolId: string;
  /** `<provider>:<sub>` once signed in. */
  login?: string;
}

export interface Identities {
  create(poolId: string, region: string): LocalIdentity;
  find(id: string): LocalIdentity | undefined;
  ofLogin(poolId: string, login: string): LocalIdentity | undefined;
  /** Signs an identity in: from now on it is the login's. */
  link(identity: LocalIdentity, login: string): void;
}

export function createIdentities(): Identities {
  const byId = new Map<string, LocalIdentity>();
  const byLogin = new Map<string, LocalIdentity>();
  const loginKey = (poolId: string, login: string) => `${poolId} ${login}`;
  return {
    create(poolId, region) {
      const identity = { id: `${region}:${randomUUID()}`, poolId };
      byId.set(identity.id, identity);
      return identity;
    },
    find: (id) => byId.get(id),
    ofLogin: (poolId, login) => byLogin.get(loginKey(poolId, login)),
    link(identity, login) {
      identity.login = login;
      byLogin.set(loginKey(identity.poolId, login), identity);
    },
  };
}
