// SNS mobile push (sandbox/push): the stack's custom resources create the
// platform applications through its API (the custom-resources row); they and
// their endpoints (the devices the app registers) are kept in the data
// directory unless --in-memory; every push is kept in the outbox.
import { join } from 'node:path';
import { KEPT_PUSH_ACTIONS } from '../push/kept-applications';
import { startLocalPush } from '../push/server';
import { localArn } from '../template/pseudo-parameters';
import type { SandboxContext, StartedService } from './contract';

export async function start(context: SandboxContext): Promise<StartedService> {
  const { persistentData } = context.directories;
  const push = await startLocalPush({
    port: context.portOf('push'),
    // `arn:<partition>:sns:<region>:<account>`, the start of every ARN SNS gives.
    arnPrefix: localArn(context.pseudo, 'sns', '').slice(0, -1),
    log: context.log,
    ...(persistentData && { applicationsFile: join(persistentData, 'sns-applications.json') }),
  });
  const stateId = push.keptStateId;
  return {
    endpoint: push.endpoint,
    environment: { AWS_ENDPOINT_URL_SNS: push.endpoint },
    outputs: { SnsEndpoint: push.endpoint, PushOutboxUrl: push.outboxUrl },
    ...(stateId && {
      keptStates: { sns: { id: stateId, actions: KEPT_PUSH_ACTIONS } },
    }),
    stop: () => push.stop(),
  };
}
