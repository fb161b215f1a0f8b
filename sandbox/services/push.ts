// SNS mobile push (sandbox/push): the platform applications are the template
// parameters that name one; every push is kept in the outbox.
import { readPlatformApplications } from '../push/platform-applications';
import { startLocalPush } from '../push/server';
import type { SandboxContext, StartedService } from './contract';

export async function start(context: SandboxContext): Promise<StartedService> {
  const push = await startLocalPush({
    port: context.portOf('push'),
    applications: readPlatformApplications(context.model.parameters),
    log: context.log,
  });
  return {
    endpoint: push.endpoint,
    environment: { AWS_ENDPOINT_URL_SNS: push.endpoint },
    outputs: { SnsEndpoint: push.endpoint, PushOutboxUrl: push.outboxUrl },
    stop: () => push.stop(),
  };
}
