// The DynamoDB stream event source mappings (sandbox/streams), polling the
// tables' streams on DynamoDB Local; OnFailure records go to the local SQS.
import { DynamoDBStreamsClient } from '@aws-sdk/client-dynamodb-streams';
import { SQSClient } from '@aws-sdk/client-sqs';
import { readStreamEventSources } from '../streams/stream-event-sources';
import { startStreamMappings } from '../streams/stream-mappings';
import type { SandboxContext, StartedService } from './contract';
import { localClientConfig } from './sdk-config';

export async function start(context: SandboxContext): Promise<StartedService> {
  const mappings = await startStreamMappings({
    sources: readStreamEventSources(context.model, context.resolve),
    resources: context.resolve.resources,
    hosts: context.functions.hosted,
    streams: new DynamoDBStreamsClient(localClientConfig(context.endpointOf('dynamodb'))),
    sqs: new SQSClient(localClientConfig(context.endpointOf('sqs'))),
    region: context.pseudo.region,
    log: context.log,
    accessLog: context.accessLog,
    timeToLiveDeletions: context.timeToLiveDeletions,
  });
  return { stop: () => mappings.stop() };
}
