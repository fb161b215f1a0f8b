// Secrets Manager (sandbox/secrets) over the context's secrets, for functions
// that read a secret at run time (the cursor-signing key, the push
// credentials) and for rotation: RotateSecret runs the template's rotation
// function; requests signed with the local credentials only.
import { localCredentials } from '../runtime/lambda-environment';
import { rotationSchedules, rotationThroughFunctions } from '../secrets/rotation-schedules';
import { startLocalSecretsManager } from '../secrets/secrets-manager-server';
import type { SandboxContext, StartedService } from './contract';

export async function start(context: SandboxContext): Promise<StartedService> {
  const secretsManager = await startLocalSecretsManager({
    port: context.portOf('secrets-manager'),
    find: context.secrets.find,
    keys: { [localCredentials.accessKeyId]: localCredentials.secretAccessKey },
    // Functions are hosted later; a rotation looks its function up when it runs.
    rotation: rotationThroughFunctions(
      rotationSchedules(context.model, context.resolve),
      context.functions,
    ),
  });
  return {
    endpoint: secretsManager.endpoint,
    environment: { AWS_ENDPOINT_URL_SECRETS_MANAGER: secretsManager.endpoint },
    outputs: { SecretsManagerEndpoint: secretsManager.endpoint },
    stop: () => secretsManager.stop(),
  };
}
