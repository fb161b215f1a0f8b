// cognito-local (a child process) with the template's user pools, clients and groups.
import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { startCognitoLocal } from '../cognito/cognito-local';
import { ensureUserPools } from '../cognito/user-pools';
import type { SandboxContext, StartedService } from './contract';
import { localClientConfig } from './sdk-config';
import { orStop } from './shutdown';

export async function start(context: SandboxContext): Promise<StartedService> {
  const cognito = await startCognitoLocal({
    port: context.portOf('cognito'),
    dataDir: context.directories.data,
  });
  const stop = () => cognito.stop();
  const resources = await orStop(stop, () =>
    ensureUserPools(
      new CognitoIdentityProviderClient(localClientConfig(cognito.endpoint)),
      context.model.userPools,
      context.pseudo,
    ),
  );
  return {
    endpoint: cognito.endpoint,
    environment: { AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER: cognito.endpoint },
    outputs: { CognitoEndpoint: cognito.endpoint },
    resources,
    stop,
  };
}
