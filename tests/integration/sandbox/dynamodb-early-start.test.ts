import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { startDynamoDbLocal } from '../../../sandbox/dynamodb/dynamodb-local';
import { spawnDynamoDbLocalEarly } from '../../../sandbox/dynamodb/early-start';
import { assertPortFree } from '../../../sandbox/ports';

async function answers(endpoint: string): Promise<boolean> {
  const client = new DynamoDBClient({
    endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    maxAttempts: 1,
  });
  try {
    await client.send(new ListTablesCommand({}));
    return true;
  } catch {
    return false;
  } finally {
    client.destroy();
  }
}

describe('DynamoDB Local spawned before the sandbox loads', () => {
  it('is adopted by the start on its port instead of a second JVM, and stopped by it', async () => {
    const early = await spawnDynamoDbLocalEarly({ port: 0, dataDir: undefined });

    // A second JVM would find the port taken by the first and fail the start.
    const dynamoDb = await startDynamoDbLocal({ port: early.port, early });
    const answeredWhileRunning = await answers(dynamoDb.endpoint);
    await dynamoDb.stop();

    expect(answeredWhileRunning).toBe(true);
    await expect(assertPortFree(early.port, 'DynamoDB Local')).resolves.toBeUndefined();
  }, 60_000);

  it('refuses to be adopted for another port, and abandoning it frees its port', async () => {
    const early = await spawnDynamoDbLocalEarly({ port: 0, dataDir: undefined });

    expect(() => early.adopt({ port: early.port + 1, dataDir: undefined })).toThrow(
      `DynamoDB Local's early JVM listens on ${early.port} with no data directory`,
    );
    await early.abandon();

    await expect(assertPortFree(early.port, 'DynamoDB Local')).resolves.toBeUndefined();
    expect(() => early.adopt({ port: early.port, dataDir: undefined })).toThrow(
      "DynamoDB Local's early JVM was abandoned already",
    );
  }, 60_000);

  describe('without Java', () => {
    const path = process.env.PATH;
    afterEach(() => {
      process.env.PATH = path;
    });

    it('fails the start that adopts it, explaining how to install Java 17', async () => {
      process.env.PATH = '';
      const early = await spawnDynamoDbLocalEarly({ port: 0, dataDir: undefined });

      const start = startDynamoDbLocal({ port: early.port, early });

      await expect(start).rejects.toThrow(/sudo apt-get install openjdk-17-jre-headless/);
    });
  });
});
