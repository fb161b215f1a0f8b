import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { DynamoDBClient, QueryCommand } from '@aws-sdk/client-dynamodb';
import { jest } from '@jest/globals';
import { call, eventually } from './support/http';
import { withProfile } from './support/messaging';
import { sandboxOutputs } from './support/outputs';
import { newUser, type TestUser } from './support/users';
import { connect } from './support/websocket';

// What the api suite's sandbox printed on its console (global-setup.ts keeps
// its output beside outputs.json): one line per thing that happened.
jest.setTimeout(30_000);

const consoleOutput = () =>
  readFileSync(join(dirname(process.env.SANDBOX_OUTPUTS_FILE ?? ''), 'sandbox.log'), 'utf8');

/** The console lines printed from now on that match. */
function linesFromNow(pattern: RegExp): () => Promise<string[]> {
  const start = consoleOutput().length;
  return () =>
    Promise.resolve(
      consoleOutput()
        .slice(start)
        .split('\n')
        .filter((line) => pattern.test(line)),
    );
}

async function connectionIdOf(user: TestUser): Promise<string> {
  const dynamodb = new DynamoDBClient({
    endpoint: sandboxOutputs().DynamoDbEndpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  const page = await dynamodb.send(
    new QueryCommand({
      TableName: sandboxOutputs().AppTableName,
      IndexName: 'GSI1',
      KeyConditionExpression: 'GSI1PK = :user',
      ExpressionAttributeValues: { ':user': { S: `CONNS#${user.sub}` } },
    }),
  );
  dynamodb.destroy();
  return page.Items?.[0]?.connectionId?.S ?? 'no connection';
}

const escaped = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe('the sandbox console', () => {
  it('prints one line per WebSocket frame: route, connection, status, duration, cold or warm', async () => {
    const user = await newUser();
    const client = await connect(user.idToken);
    const connectionId = await connectionIdOf(user);
    const pingLines = linesFromNow(
      new RegExp(`^\\[ws\\] ping ${escaped(connectionId)} 200 \\d+\\.\\d ms (cold|warm)$`),
    );

    client.send({ action: 'ping' });
    await client.nextFrame((frame) => frame.type === 'pong');
    const lines = await eventually(pingLines, (found) => found.length > 0);
    await client.close();

    expect(lines).toHaveLength(1);
  });

  it("prints an S3 refusal with the key, the status and S3's error code and reason", async () => {
    const key = `console/${randomUUID()}.jpg`;
    const path = `/${sandboxOutputs().MediaBucketName}/${key}`;
    const refusalLines = linesFromNow(new RegExp(`^\\[s3\\] GET ${escaped(path)} `));

    const response = await fetch(`${sandboxOutputs().S3Endpoint}${path}`);
    const lines = await eventually(refusalLines, (found) => found.length > 0);

    expect(response.status).toBe(403);
    expect(lines).toEqual([expect.stringMatching(/ 403 \d+\.\d ms: AccessDenied Access Denied$/)]);
  });

  it('prints a line per queue delivery: function, queue, batch size, failures, cold or warm', async () => {
    const [alice, bob] = await Promise.all([newUser(), newUser()]);
    await withProfile(bob);
    const deliveryLines = linesFromNow(
      /^\[sqs\] MessageWorkerFunction MessageQueue \d+ records? 0 failed \d+\.\d ms (cold|warm)$/,
    );

    const sent = await call('POST', '/v1/messages', {
      token: alice.idToken,
      body: { to: bob.sub, text: `console ${randomUUID()}` },
    });
    const lines = await eventually(deliveryLines, (found) => found.length > 0, 10_000);

    expect(sent.status).toBe(202);
    expect(lines.length).toBeGreaterThan(0);
  });
});
