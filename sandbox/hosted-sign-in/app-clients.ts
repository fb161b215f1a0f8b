// The app clients that allow hosted sign-in, by the client id the local
// Cognito gave them, with their pool and the issuer their tokens must carry.
import type { PhysicalResources, SandboxModel, UserPoolClientSpec } from '../template/model';

export interface HostedSignInClient {
  clientId: string;
  userPoolId: string;
  /** The pool's `iss`: `<cognito endpoint>/<userPoolId>`. */
  issuer: string;
  spec: UserPoolClientSpec;
  /** The pool's users sign in with their email as username (`UsernameAttributes: [email]`). */
  emailUsernames: boolean;
  oauth: NonNullable<UserPoolClientSpec['oauth']>;
}

export function hostedSignInClients(
  model: SandboxModel,
  resources: PhysicalResources,
): Map<string, HostedSignInClient> {
  const clients = new Map<string, HostedSignInClient>();
  for (const pool of model.userPools) {
    const userPoolId = resources[pool.logicalId]?.ref;
    const issuer = resources[pool.logicalId]?.attributes.ProviderURL;
    if (!userPoolId || !issuer) throw new Error(`User pool ${pool.logicalId} is not running`);
    for (const spec of pool.clients) {
      const clientId = resources[spec.logicalId]?.ref;
      if (!spec.oauth?.flows.includes('code') || !clientId) continue;
      const emailUsernames = pool.usernameAttributes.includes('email');
      clients.set(clientId, {
        clientId,
        userPoolId,
        issuer,
        spec,
        emailUsernames,
        oauth: spec.oauth,
      });
    }
  }
  return clients;
}
