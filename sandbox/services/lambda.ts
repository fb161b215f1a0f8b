// The Lambda Invoke API (AWS_ENDPOINT_URL_LAMBDA), with each function's
// EventInvokeConfig and its SQS destinations.
import { SQSClient } from '@aws-sdk/client-sqs';
import { asyncInvokeTargets } from '../lambda-api/async-targets';
import { readEventInvokeConfigs } from '../lambda-api/event-invoke-config';
import { startLambdaApi } from '../lambda-api/server';
import type { SandboxContext, StartedService } from './contract';
import { localClientConfig } from './sdk-config';

export async function start(context: SandboxContext): Promise<StartedService> {
  const delay = context.settings.asyncRetryDelayMs;
  const lambdaApi = await startLambdaApi({
    port: context.portOf('lambda'),
    functions: asyncInvokeTargets({
      functions: context.model.functions,
      registry: context.functions,
      configs: readEventInvokeConfigs(context.model, context.resolve),
      resources: context.resolve.resources,
      sqs: new SQSClient(localClientConfig(context.endpointOf('sqs'))),
      log: context.log,
    }),
    ...(delay !== undefined && { retryDelaysMs: [delay, delay] }),
    region: context.pseudo.region,
    accountId: context.pseudo.accountId,
    log: context.accessLog,
  });
  return {
    endpoint: lambdaApi.url,
    environment: { AWS_ENDPOINT_URL_LAMBDA: lambdaApi.url },
    outputs: { LambdaEndpoint: lambdaApi.url },
    stop: () => lambdaApi.close(),
  };
}
