// cognito-local (a child process) with the template's user pools, clients and
// groups, and the mail outbox of the emails it would send (confirmation codes).
// Client-facing: it listens on --host, and its endpoint and tokens' issuer
// name the public host.
import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { startCognitoLocal } from '../cognito/cognito-local';
import { codeDeliveryReader } from '../cognito/code-deliveries';
import { ensureUserPools } from '../cognito/user-pools';
import { startMailOutbox } from '../mail/mail-outbox';
import type { SandboxContext, StartedService } from './contract';
import { localClientConfig } from './sdk-config';
import { orStop } from './shutdown';

export async function start(context: SandboxContext): Promise<StartedService> {
  const mail = await startMailOutbox({ port: 0 });
  const onLog = codeDeliveryReader((delivery) => {
    context.log(`[cognito] code for ${delivery.destination}: ${delivery.code}`);
    mail.deliver({ to: delivery.destination, ...delivery });
  });
  const cognito = await orStop(
    () => mail.stop(),
    () =>
      startCognitoLocal({
        port: context.portOf('cognito'),
        host: context.network.bindHost,
        publicHost: context.network.publicHost,
        dataDir: context.directories.data,
        onLog,
      }),
  );
  const stop = async () => {
    await cognito.stop();
    await mail.stop();
  };
  const resources = await orStop(stop, async () => {
    await assertReachable(cognito.endpoint);
    return ensureUserPools(
      new CognitoIdentityProviderClient(localClientConfig(cognito.endpoint)),
      context.model.userPools,
      context.pseudo,
    );
  });
  return {
    endpoint: cognito.endpoint,
    environment: { AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER: cognito.endpoint },
    outputs: { CognitoEndpoint: cognito.endpoint, MailOutboxUrl: mail.outboxUrl },
    resources,
    stop,
  };
}

/**
 * The pools' issuer is the public endpoint, and the authorizers and functions
 * fetch its keys from here: a public host this machine cannot reach fails now,
 * not at the first request.
 */
async function assertReachable(endpoint: string): Promise<void> {
  try {
    await fetch(`${endpoint}/health`, { signal: AbortSignal.timeout(5000) });
  } catch (error) {
    throw new Error(
      `Cognito does not answer at ${endpoint} from this machine; --public-host must name an address that reaches this machine from here too`,
      { cause: error },
    );
  }
}
