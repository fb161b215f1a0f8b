import {
  DescribeExecutionCommand,
  ListExecutionsCommand,
  SFNClient,
  type DescribeExecutionCommandOutput,
} from '@aws-sdk/client-sfn';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { eventually } from './http';
import { sandboxOutputs } from './outputs';
import type { TestUser } from './users';

const local = {
  region: 'us-east-1',
  credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
};

let sfn: SFNClient | undefined;
let documents: DynamoDBDocumentClient | undefined;

function sfnClient(): SFNClient {
  sfn ??= new SFNClient({ ...local, endpoint: sandboxOutputs().StepFunctionsEndpoint });
  return sfn;
}

function documentClient(): DynamoDBDocumentClient {
  documents ??= DynamoDBDocumentClient.from(
    new DynamoDBClient({ ...local, endpoint: sandboxOutputs().DynamoDbEndpoint }),
  );
  return documents;
}

export function closeErasureClients(): void {
  sfn?.destroy();
  documents?.destroy();
}

/** The execution DELETE /v1/me started for the user (named after them). */
export function erasureExecutionArn(user: TestUser): string {
  const machine = sandboxOutputs().AccountErasureStateMachineArn as string;
  return `${machine.replace(':stateMachine:', ':execution:')}:erase-${user.sub}`;
}

/** Polls the user's erasure until it is no longer running. */
export async function finishedErasure(
  user: TestUser,
  ms = 30_000,
): Promise<DescribeExecutionCommandOutput> {
  return eventually(
    () =>
      sfnClient().send(new DescribeExecutionCommand({ executionArn: erasureExecutionArn(user) })),
    (execution) => execution.status !== 'RUNNING',
    ms,
  );
}

/** Every execution of the erasure state machine named for the user. */
export async function erasuresOf(user: TestUser): Promise<string[]> {
  const { executions = [] } = await sfnClient().send(
    new ListExecutionsCommand({
      stateMachineArn: sandboxOutputs().AccountErasureStateMachineArn as string,
    }),
  );
  return executions.map((e) => e.name ?? '').filter((name) => name === `erase-${user.sub}`);
}

/** Every record of the app table that mentions the user anywhere. */
export async function recordsMentioning(user: TestUser): Promise<Record<string, unknown>[]> {
  const records: Record<string, unknown>[] = [];
  let startKey: Record<string, unknown> | undefined;
  do {
    const page = await documentClient().send(
      new ScanCommand({ TableName: sandboxOutputs().AppTableName, ExclusiveStartKey: startKey }),
    );
    records.push(...(page.Items ?? []).filter((r) => JSON.stringify(r).includes(user.sub)));
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  return records;
}

export async function profileRecordOf(
  user: TestUser,
): Promise<Record<string, unknown> | undefined> {
  const { Item } = await documentClient().send(
    new GetCommand({
      TableName: sandboxOutputs().AppTableName,
      Key: { PK: `USER#${user.sub}`, SK: 'PROFILE' },
    }),
  );
  return Item;
}

export interface TaskFault {
  state: string;
  userId: string;
  error: string;
  cause?: string;
  times?: number;
}

/** Makes the sandbox's Step Functions fail a Task for one user, as a Lambda outage would. */
export async function injectTaskFault(fault: TaskFault): Promise<void> {
  const reply = await fetch(sandboxOutputs().StepFunctionsFaultsUrl as string, {
    method: 'POST',
    body: JSON.stringify(fault),
  });
  if (reply.status !== 204) throw new Error(`POST /faults: ${reply.status}`);
}

/** How many times the fault on the state failed the user's Task. */
export async function timesRaised(state: string, user: TestUser): Promise<number> {
  const reply = await fetch(sandboxOutputs().StepFunctionsFaultsUrl as string);
  const { faults } = (await reply.json()) as {
    faults: { state: string; userId: string; raised: number }[];
  };
  return faults.find((f) => f.state === state && f.userId === user.sub)?.raised ?? 0;
}
