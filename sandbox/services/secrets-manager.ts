// Secrets Manager's GetSecretValue (sandbox/secrets) over the context's
// secrets, for functions that read a secret at run time, such as the push
// credentials; requests signed with the local credentials only.
import { localCredentials } from '../runtime/lambda-environment';
import { startLocalSecretsManager } from '../secrets/secrets-manager-server';
import type { SandboxContext, StartedService } from './contract';

export async function start(context: SandboxContext): Promise<StartedService> {
  const secretsManager = await startLocalSecretsManager({
    port: context.portOf('secrets-manager'),
    find: context.secrets.find,
    keys: { [localCredentials.accessKeyId]: localCredentials.secretAccessKey },
  });
  return {
    endpoint: secretsManager.endpoint,
    environment: { AWS_ENDPOINT_URL_SECRETS_MANAGER: secretsManager.endpoint },
    outputs: { SecretsManagerEndpoint: secretsManager.endpoint },
    stop: () => secretsManager.stop(),
  };
}
