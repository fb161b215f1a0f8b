// cognito-local (a child process, on loopback) with the template's user
// pools, clients and groups, behind a front that applies the pools' password
// policy and sign-up rules, and the mail outbox of the emails it would send
// (confirmation codes). Client-facing: the front listens on --host, and its
// endpoint and the tokens' issuer name the public host.
import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { startCognitoFront } from '../cognito/cognito-front';
import { startCognitoLocal } from '../cognito/cognito-local';
import { codeDeliveryReader } from '../cognito/code-deliveries';
import { createPoolDirectory, type PoolDirectory } from '../cognito/pool-directory';
import { storedPasswordsIn } from '../cognito/stored-passwords';
import { ensureUserPools } from '../cognito/user-pools';
import { startMailOutbox } from '../mail/mail-outbox';
import { urlHost } from '../network';
import { freePort } from '../ports';
import type { PhysicalResources, UserPoolSpec } from '../template/model';
import type { SandboxContext, StartedService } from './contract';
import { localClientConfig } from './sdk-config';
import { orStop } from './shutdown';

export async function start(context: SandboxContext): Promise<StartedService> {
  const mail = await startMailOutbox({ port: 0 });
  const onLog = codeDeliveryReader((delivery) => {
    context.log(`[cognito] code for ${delivery.destination}: ${delivery.code}`);
    mail.deliver({ to: delivery.destination, ...delivery });
  });
  const endpoint = `http://${urlHost(context.network.publicHost)}:${context.portOf('cognito')}`;
  const cognito = await orStop(
    () => mail.stop(),
    async () =>
      startCognitoLocal({
        port: await freePort(),
        issuerEndpoint: endpoint,
        dataDir: context.directories.data,
        onLog,
      }),
  );
  const pools = createPoolDirectory();
  const front = await orStop(
    async () => {
      await cognito.stop();
      await mail.stop();
    },
    () =>
      startCognitoFront({
        port: context.portOf('cognito'),
        host: context.network.bindHost,
        backend: cognito.endpoint,
        pools,
        passwords: storedPasswordsIn(cognito.stateDir),
        log: context.accessLog,
      }),
  );
  const stop = async () => {
    await front.close();
    await cognito.stop();
    await mail.stop();
  };
  const resources = await orStop(stop, async () => {
    await assertReachable(endpoint);
    const created = await ensureUserPools(
      new CognitoIdentityProviderClient(localClientConfig(endpoint)),
      context.model.userPools,
      context.pseudo,
    );
    addRules(pools, context.model.userPools, created);
    return created;
  });
  return {
    endpoint,
    environment: { AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER: endpoint },
    outputs: { CognitoEndpoint: endpoint, MailOutboxUrl: mail.outboxUrl },
    resources,
    stop,
  };
}

/** The front learns each pool's rules under the ids cognito-local gave it and its clients. */
function addRules(pools: PoolDirectory, specs: UserPoolSpec[], created: PhysicalResources): void {
  for (const spec of specs) {
    const poolId = created[spec.logicalId]?.ref;
    if (!poolId) continue;
    const clients = Object.fromEntries(
      spec.clients.flatMap((client) => {
        const clientId = created[client.logicalId]?.ref;
        return clientId ? [[clientId, client] as const] : [];
      }),
    );
    pools.add(poolId, Object.keys(clients), spec, clients);
  }
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
