// fauxqs's SQS, in-process, with the template's queues.
import { SQSClient } from '@aws-sdk/client-sqs';
import { startLocalSqs } from '../queues/local-sqs';
import { ensureQueues, readQueues } from '../queues/queues';
import type { SandboxContext, StartedService } from './contract';
import { localClientConfig } from './sdk-config';
import { orStop } from './shutdown';

export async function start(context: SandboxContext): Promise<StartedService> {
  const sqs = await startLocalSqs({ port: context.portOf('sqs'), region: context.pseudo.region });
  const stop = () => sqs.stop();
  const resources = await orStop(stop, () =>
    ensureQueues(
      new SQSClient(localClientConfig(sqs.endpoint)),
      readQueues(context.model),
      context.resolve,
    ),
  );
  return {
    endpoint: sqs.endpoint,
    environment: { AWS_ENDPOINT_URL_SQS: sqs.endpoint },
    outputs: { SqsEndpoint: sqs.endpoint },
    resources,
    stop,
  };
}
