import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DescribeExecutionCommand, SFNClient } from '@aws-sdk/client-sfn';
import { DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { DynamoDbItemStore } from '@mobile-backend/domain/data';
import { createBenchUser } from './lib/bench-user';
import { recordResults } from './lib/results';
import { ms } from './lib/stats';
import { startSandboxProcess } from '../sandbox/spawn-sandbox';

// DELETE /v1/me of an account with 5,000 items, through the sandbox's Step
// Functions: the template's state machine, its Task states paging through the
// items (and the other stores) in AccountDeletionFunction. The items are
// written straight to DynamoDB Local with the store adapter, as the API would.
const ITEMS = 5000;
const WRITE_CONCURRENCY = 16;
const local = {
  region: 'us-east-1',
  credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
};
const sleep = (msec: number) => new Promise((done) => setTimeout(done, msec));

export async function benchAccountErasure(): Promise<void> {
  const sandbox = await startSandboxProcess();
  try {
    const outputs = JSON.parse(readFileSync(sandbox.outputsFile, 'utf8')) as Record<string, string>;
    const user = await createBenchUser(outputs);
    await fetch(`${outputs.ApiUrl}/v1/me`, { headers: user.headers });
    const documents = DynamoDBDocumentClient.from(
      new DynamoDBClient({ ...local, endpoint: outputs.DynamoDbEndpoint }),
    );
    await writeItems(new DynamoDbItemStore(documents, outputs.AppTableName as string), user.sub);
    const sfn = new SFNClient({ ...local, endpoint: outputs.StepFunctionsEndpoint });

    const t0 = performance.now();
    await fetch(`${outputs.ApiUrl}/v1/me`, { method: 'DELETE', headers: user.headers });
    const executionArn = `${outputs.AccountErasureStateMachineArn?.replace(':stateMachine:', ':execution:')}:erase-${user.sub}`;
    let execution = await sfn.send(new DescribeExecutionCommand({ executionArn }));
    while (execution.status === 'RUNNING') {
      await sleep(50);
      execution = await sfn.send(new DescribeExecutionCommand({ executionArn }));
    }
    const seen = performance.now() - t0;
    const ran = Number(execution.stopDate) - Number(execution.startDate);
    const { Count: left } = await documents.send(
      new QueryCommand({
        TableName: outputs.AppTableName,
        IndexName: 'GSI1',
        KeyConditionExpression: 'GSI1PK = :owner',
        ExpressionAttributeValues: { ':owner': `OWNER#${user.sub}` },
        Select: 'COUNT',
      }),
    );
    sfn.destroy();
    documents.destroy();
    if (execution.status !== 'SUCCEEDED' || left !== 0) {
      throw new Error(`Erasure ${execution.status} (${execution.cause}), ${left} items left`);
    }

    const table = [
      '| measure                                 | time |',
      '| --------------------------------------- | ---- |',
      `| execution, start to stop                | ${ms(ran)} |`,
      `| DELETE /v1/me → execution seen finished | ${ms(seen)} |`,
      `| per 1,000 items                         | ${ms((ran * 1000) / ITEMS)} |`,
    ].join('\n');
    await recordResults(
      'Account erasure: DELETE /v1/me of an account with 5,000 items',
      `Command: \`npm run bench -- erasure\` (${new Date().toISOString().slice(0, 10)}, Node ${process.version}). One account with ${ITEMS.toLocaleString('en')} private items and a profile; the sandbox's Step Functions runs AccountErasureStateMachine, its Task states invoking AccountDeletionFunction (cold at the start), 200 items per Task, the other stores empty. Checked afterwards: the execution SUCCEEDED and no item of the owner is left.\n\n${table}`,
    );
  } finally {
    await sandbox.stop();
  }
}

async function writeItems(store: DynamoDbItemStore, ownerId: string): Promise<void> {
  const at = new Date().toISOString();
  let next = 0;
  const writer = async () => {
    while (next < ITEMS) {
      const n = next++;
      await store.create({
        id: `01J${randomUUID().replaceAll('-', '').slice(0, 23).toUpperCase()}`,
        ownerId,
        title: `bench item ${n}`,
        body: 'x'.repeat(200),
        tags: ['bench'],
        visibility: 'private',
        data: {},
        mediaIds: [],
        createdAt: at,
        updatedAt: at,
        version: 1,
      });
    }
  };
  await Promise.all(Array.from({ length: WRITE_CONCURRENCY }, writer));
}
