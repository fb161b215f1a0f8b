// The Cognito domain's hosted sign-in (OAuth 2.0 authorization code with PKCE)
// for the template's app clients that allow it, with a local test identity
// provider in place of Apple, Google and the others. Client-facing: it listens
// on --host and names the public host; its tokens are signed like the local
// Cognito's and carry its issuer, so every authorizer accepts them.
import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { withHost } from '../network';
import { hostedSignInClients, type HostedSignInClient } from '../hosted-sign-in/app-clients';
import type { InvokeTrigger } from '../hosted-sign-in/pre-sign-up';
import { startHostedSignInServer } from '../hosted-sign-in/server';
import { createSignInState } from '../hosted-sign-in/sign-in-state';
import { hostOfArn } from '../runtime/function-arn';
import { resolveValue } from '../template/resolve';
import { recordOrEmpty } from '../template/template-document';
import type { SandboxContext, StartedService } from './contract';
import { localClientConfig } from './sdk-config';

/** Offered when the template configures no identity provider: the test page stands in for them. */
export const STAND_IN_PROVIDERS = ['Google', 'SignInWithApple'];

export async function start(context: SandboxContext): Promise<StartedService> {
  const clients = hostedSignInClients(context.model, context.resolve.resources);
  assertOnePool(clients);
  const preSignUp = preSignUpTrigger(context, clients);
  const cognito = new CognitoIdentityProviderClient(
    localClientConfig(context.endpointOf('cognito')),
  );
  const port = context.portOf('hosted-sign-in');
  const publicUrl = withHost(`http://127.0.0.1:${port}`, context.network.publicHost);
  const server = await startHostedSignInServer({
    port,
    host: context.network.bindHost,
    context: {
      clients,
      providers: offeredProviders(clients),
      cognito,
      ...(preSignUp && { preSignUp }),
      region: context.pseudo.region,
      state: createSignInState(),
      publicUrl,
    },
    log: context.accessLog,
  });
  const url = withHost(server.url, context.network.publicHost);
  return {
    endpoint: url,
    outputs: { SignInEndpoint: url },
    localize: (values) => localizeSignInDomain(values, context, url),
    stop: async () => {
      await server.close();
      cognito.destroy();
    },
  };
}

/**
 * The PreSignUp trigger of the pool the clients sign in to, run through the
 * sandbox's own hosting of the function (looked up when a sign-in needs it:
 * functions are hosted after this service starts).
 */
function preSignUpTrigger(
  context: SandboxContext,
  clients: ReadonlyMap<string, HostedSignInClient>,
): InvokeTrigger | undefined {
  const [client] = clients.values();
  const pool = context.model.resources.find(
    (r) =>
      r.type === 'AWS::Cognito::UserPool' &&
      context.resolve.resources[r.logicalId]?.ref === client?.userPoolId,
  );
  if (!pool) return undefined;
  const where = `${pool.logicalId}.LambdaConfig`;
  const triggers = recordOrEmpty(
    resolveValue(pool.properties.LambdaConfig, context.resolve, where),
  );
  const functionArn = triggers.PreSignUp;
  if (typeof functionArn !== 'string') return undefined;
  return async (event) => {
    const host = hostOfArn(context.functions.hosted, functionArn);
    if (!host) throw new Error(`${where}.PreSignUp ${functionArn} is not a hosted function`);
    const result = await host.invoke(event);
    return result.status === 'failed'
      ? { failed: true, errorMessage: result.error.errorMessage }
      : { failed: false };
  };
}

/** A Cognito domain belongs to one pool; the sandbox has one sign-in endpoint. */
function assertOnePool(clients: ReadonlyMap<string, HostedSignInClient>): void {
  const pools = new Set([...clients.values()].map((client) => client.userPoolId));
  if (pools.size > 1) {
    throw new Error(
      'Hosted sign-in: app clients of several user pools allow OAuth; the sandbox serves one pool',
    );
  }
}

function offeredProviders(clients: ReadonlyMap<string, HostedSignInClient>): string[] {
  const configured = [...clients.values()]
    .flatMap((client) => client.oauth.identityProviders)
    .filter((provider) => provider !== 'COGNITO');
  return configured.length > 0 ? [...new Set(configured)] : STAND_IN_PROVIDERS;
}

/** The deployed hosted sign-in URL (prefix domain) in outputs becomes the local one. */
function localizeSignInDomain(
  values: Record<string, string>,
  context: SandboxContext,
  url: string,
): Record<string, string> {
  const prefix = context.model.parameters.SignInDomainPrefix;
  if (!prefix) return values;
  const deployed = `https://${prefix}.auth.${context.pseudo.region}.amazoncognito.com`;
  return Object.fromEntries(
    Object.entries(values).map(([name, value]) => [name, value.split(deployed).join(url)]),
  );
}
