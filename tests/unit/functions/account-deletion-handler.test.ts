import {
  AdminDeleteUserCommand,
  CognitoIdentityProviderClient,
  UserNotFoundException,
} from '@aws-sdk/client-cognito-identity-provider';
import {
  BatchWriteCommand,
  DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
} from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import type { Context } from 'aws-lambda';
import { lambdaContext } from './api-gateway-event';

type Handler = (event: unknown, context: Context) => Promise<{ userId: string; outcome: string }>;

const documents = mockClient(DynamoDBDocumentClient);
const cognito = mockClient(CognitoIdentityProviderClient);
let handler: Handler;

beforeAll(async () => {
  Object.assign(process.env, {
    APP_TABLE_NAME: 'AppTable',
    USER_POOL_ID: 'local_pool',
    AWS_REGION: 'us-east-1',
    POWERTOOLS_METRICS_DISABLED: 'true',
    POWERTOOLS_LOG_LEVEL: 'SILENT',
  });
  ({ handler } = (await import('../../../functions/account-deletion/handler')) as {
    handler: Handler;
  });
});

beforeEach(() => {
  documents.reset();
  cognito.reset();
  documents.on(GetCommand).resolves({ Item: { PK: 'USER#user-1', status: 'deleting' } });
  documents.on(QueryCommand).resolves({
    Items: [
      { PK: 'ITEM#A', SK: 'ITEM' },
      { PK: 'ITEM#B', SK: 'ITEM' },
    ],
  });
  documents.on(BatchWriteCommand).resolves({});
  documents.on(PutCommand).resolves({});
});

const invoke = (event: unknown) => handler(event, lambdaContext('AccountDeletionFunction'));

describe('the account deletion handler', () => {
  it("deletes the user's items, Cognito user and profile", async () => {
    cognito.on(AdminDeleteUserCommand).resolves({});

    const result = await invoke({ userId: 'user-1' });

    expect(result.outcome).toBe('erased');
    const batch = documents.commandCalls(BatchWriteCommand)[0]?.args[0].input;
    expect(batch?.RequestItems?.AppTable).toEqual([
      { DeleteRequest: { Key: { PK: 'ITEM#A', SK: 'ITEM' } } },
      { DeleteRequest: { Key: { PK: 'ITEM#B', SK: 'ITEM' } } },
    ]);
    expect(cognito.commandCalls(AdminDeleteUserCommand)[0]?.args[0].input).toEqual({
      UserPoolId: 'local_pool',
      Username: 'user-1',
    });
    expect(documents.commandCalls(PutCommand)[0]?.args[0].input.Item).toMatchObject({
      PK: 'USER#user-1',
      status: 'deleted',
    });
  });

  it('treats a Cognito user that is already gone as deleted', async () => {
    cognito
      .on(AdminDeleteUserCommand)
      .rejects(new UserNotFoundException({ message: 'User does not exist.', $metadata: {} }));

    await expect(invoke({ userId: 'user-1' })).resolves.toMatchObject({ outcome: 'erased' });
  });

  it('fails, so that Lambda retries, when Cognito fails otherwise', async () => {
    cognito.on(AdminDeleteUserCommand).rejects(new Error('throttled'));

    await expect(invoke({ userId: 'user-1' })).rejects.toThrow('throttled');
    expect(documents.commandCalls(PutCommand)).toHaveLength(0);
  });

  it('retries deletes that DynamoDB left unprocessed', async () => {
    cognito.on(AdminDeleteUserCommand).resolves({});
    const leftover = { AppTable: [{ DeleteRequest: { Key: { PK: 'ITEM#B', SK: 'ITEM' } } }] };
    documents
      .on(BatchWriteCommand)
      .resolvesOnce({ UnprocessedItems: leftover })
      .resolves({ UnprocessedItems: {} });

    await invoke({ userId: 'user-1' });

    const calls = documents.commandCalls(BatchWriteCommand);
    expect(calls).toHaveLength(2);
    expect(calls[1]?.args[0].input.RequestItems).toEqual(leftover);
  });

  it('rejects an event without a user id', async () => {
    await expect(invoke({})).rejects.toThrow();
    expect(cognito.calls()).toHaveLength(0);
  });
});
