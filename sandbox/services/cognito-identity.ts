// The template's identity pools on a local Cognito Identity endpoint: GetId
// and GetCredentialsForIdentity for guests and for users signed in through the
// local user pools, issuing temporary credentials (context.issuedCredentials)
// that the REST gateway checks on AWS_IAM methods. Client-facing: it listens
// on --host and its URL names the public host.
import { createIdentities } from '../cognito-identity/identities';
import {
  identityPoolResources,
  readIdentityPools,
  type IdentityPoolSpec,
} from '../cognito-identity/identity-pools';
import { createLoginVerifier, type UserPoolIssuer } from '../cognito-identity/login-tokens';
import { startCognitoIdentityServer } from '../cognito-identity/server';
import { withHost } from '../network';
import type { SandboxContext, StartedService } from './contract';

export async function start(context: SandboxContext): Promise<StartedService> {
  const resources = identityPoolResources(context.model, context.pseudo);
  const resolve = { ...context.resolve, resources: { ...context.resolve.resources, ...resources } };
  const pools = readIdentityPools(context.model, resolve);
  const server = await startCognitoIdentityServer({
    port: context.portOf('cognito-identity'),
    host: context.network.bindHost,
    backend: {
      pools,
      identities: createIdentities(),
      credentials: context.issuedCredentials,
      region: context.pseudo.region,
      verifyLogins: createLoginVerifier(userPoolIssuers(context)),
    },
    log: context.accessLog,
  });
  logGuestAccess(context, pools);
  const url = withHost(server.url, context.network.publicHost);
  return {
    endpoint: url,
    outputs: { CognitoIdentityEndpoint: url },
    resources,
    stop: () => server.close(),
  };
}

/** The local user pools as identity pool providers, under their local and their deployed names. */
function userPoolIssuers(context: SandboxContext): UserPoolIssuer[] {
  return context.model.userPools.flatMap((pool) => {
    const attributes = context.resolve.resources[pool.logicalId]?.attributes;
    const poolId = context.resolve.resources[pool.logicalId]?.ref;
    if (!attributes?.ProviderName || !attributes.ProviderURL || !poolId) return [];
    return [
      {
        providerName: attributes.ProviderName,
        issuer: attributes.ProviderURL,
        deployedName: `cognito-idp.${context.pseudo.region}.amazonaws.com/${poolId}`,
      },
    ];
  });
}

function logGuestAccess(context: SandboxContext, pools: readonly IdentityPoolSpec[]): void {
  for (const pool of pools) {
    const guests = pool.allowUnauthenticated ? 'guests allowed' : 'no guests';
    context.log(`[cognito-identity] ${pool.logicalId} ${pool.id}: ${guests}`);
  }
}
