// cognito-local (a child process) with the template's user pools, clients and
// groups, and the mail outbox of the emails it would send (confirmation codes).
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
        dataDir: context.directories.data,
        onLog,
      }),
  );
  const stop = async () => {
    await cognito.stop();
    await mail.stop();
  };
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
    outputs: { CognitoEndpoint: cognito.endpoint, MailOutboxUrl: mail.outboxUrl },
    resources,
    stop,
  };
}
