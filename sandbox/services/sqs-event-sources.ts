// The SQS event source mappings (sandbox/sqs-events), polling the local queues.
import { SQSClient } from '@aws-sdk/client-sqs';
import { startSqsEventSources } from '../sqs-events/event-sources';
import type { SandboxContext, StartedService } from './contract';
import { localClientConfig } from './sdk-config';

export async function start(context: SandboxContext): Promise<StartedService> {
  const mappings = await startSqsEventSources({
    model: context.model,
    resources: context.resolve.resources,
    ctx: context.resolve,
    client: new SQSClient(localClientConfig(context.endpointOf('sqs'))),
    hosts: context.functions.hosted,
    region: context.pseudo.region,
    log: context.log,
    accessLog: context.accessLog,
  });
  return { stop: () => mappings.close() };
}
