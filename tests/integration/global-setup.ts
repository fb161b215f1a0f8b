import { resolve } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { startDynamoDbLocal } from '../../sandbox/dynamodb/dynamodb-local';
import { ensureTables } from '../../sandbox/dynamodb/tables';
import { freePort } from '../../sandbox/ports';
import { parseTemplate } from '../../sandbox/template/parse';
import type { RunningService } from '../../sandbox/processes';

// Shared with global-teardown.ts, which runs in the same process.
const DYNAMODB_HANDLE = Symbol.for('mobile-backend.integration.dynamodb-local');

/**
 * One DynamoDB Local (in memory, free port) with the template's tables for every integration test;
 * workers inherit the environment set here, so the SDK finds it as it would find AWS.
 */
export default async function setup(): Promise<void> {
  const dynamoDb = await startDynamoDbLocal({ port: await freePort() });
  (globalThis as Record<symbol, RunningService | undefined>)[DYNAMODB_HANDLE] = dynamoDb;
  Object.assign(process.env, {
    AWS_ENDPOINT_URL_DYNAMODB: dynamoDb.endpoint,
    AWS_REGION: 'us-east-1',
    AWS_ACCESS_KEY_ID: 'local',
    AWS_SECRET_ACCESS_KEY: 'local',
  });
  const model = parseTemplate(resolve('template.yaml'));
  const client = new DynamoDBClient({ endpoint: dynamoDb.endpoint });
  try {
    const tables = await ensureTables(client, model.tables);
    process.env.APP_TABLE_NAME = tables.AppTable?.ref;
    process.env.IDEMPOTENCY_TABLE_NAME = tables.IdempotencyTable?.ref;
  } finally {
    client.destroy();
  }
}
