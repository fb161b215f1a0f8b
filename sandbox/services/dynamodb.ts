// DynamoDB Local (a Java child process) with the template's tables, on
// loopback when a JDK runs it (see dynamodb/LoopbackDynamoDbLocal.java).
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { startDynamoDbLocal } from '../dynamodb/dynamodb-local';
import { ensureTables } from '../dynamodb/tables';
import type { SandboxContext, StartedService } from './contract';
import { keptLauncherDir } from './directories';
import { localClientConfig } from './sdk-config';
import { orStop } from './shutdown';

export async function start(context: SandboxContext): Promise<StartedService> {
  const dynamodb = await startDynamoDbLocal({
    port: context.portOf('dynamodb'),
    dataDir: context.directories.persistentData,
    onRestart: (message) => context.log(`[dynamodb] ${message}`),
    early: context.early.dynamoDbLocal,
    keepLauncherIn: keptLauncherDir(),
  });
  if (!dynamodb.loopbackOnly) {
    context.log(
      '[dynamodb] listens on every interface: java is a JRE; with a JDK it stays on 127.0.0.1',
    );
  }
  const stop = () => dynamodb.stop();
  const resources = await orStop(stop, () =>
    ensureTables(
      new DynamoDBClient(localClientConfig(dynamodb.endpoint)),
      context.model.tables,
      context.pseudo,
    ),
  );
  return {
    endpoint: dynamodb.endpoint,
    environment: { AWS_ENDPOINT_URL_DYNAMODB: dynamodb.endpoint },
    outputs: { DynamoDbEndpoint: dynamodb.endpoint },
    resources,
    stop,
  };
}
