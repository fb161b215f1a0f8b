import {
  AdminDeleteUserCommand,
  CognitoIdentityProviderClient,
  UserNotFoundException,
} from '@aws-sdk/client-cognito-identity-provider';
import {
  ApiGatewayManagementApiClient,
  DeleteConnectionCommand,
  GoneException,
} from '@aws-sdk/client-apigatewaymanagementapi';
import { DeleteObjectsCommand, ListObjectVersionsCommand, S3Client } from '@aws-sdk/client-s3';
import {
  BatchWriteCommand,
  DeleteCommand,
  DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
} from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import type { Context } from 'aws-lambda';
import { lambdaContext } from './api-gateway-event';

type Handler = (event: unknown, context: Context) => Promise<unknown>;

const documents = mockClient(DynamoDBDocumentClient);
const cognito = mockClient(CognitoIdentityProviderClient);
const s3 = mockClient(S3Client);
const connections = mockClient(ApiGatewayManagementApiClient);
let handler: Handler;

beforeAll(async () => {
  Object.assign(process.env, {
    APP_TABLE_NAME: 'AppTable',
    USER_POOL_ID: 'local_pool',
    MEDIA_BUCKET_NAME: 'media-bucket',
    WEBSOCKET_MANAGEMENT_ENDPOINT: 'https://ws.example.com/v1',
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
  s3.reset();
  connections.reset();
  s3.on(ListObjectVersionsCommand).resolves({});
  documents.on(QueryCommand).resolves({ Items: [] });
  documents.on(GetCommand).resolves({ Item: { PK: 'USER#user-1', status: 'deleting' } });
  documents.on(QueryCommand, { ExpressionAttributeValues: { ':prefix': 'ITEM#' } }).resolves({
    Items: [
      { PK: 'ITEM#A', SK: 'ITEM' },
      { PK: 'ITEM#B', SK: 'ITEM' },
    ],
  });
  documents.on(BatchWriteCommand).resolves({});
  documents.on(PutCommand).resolves({});
});

const invoke = (event: unknown) => handler(event, lambdaContext('AccountDeletionFunction'));

const step = (action: string) => invoke({ action, userId: 'user-1' });

describe('the account deletion handler', () => {
  it("deletes a page of the user's items, then the Cognito user, then the profile", async () => {
    cognito.on(AdminDeleteUserCommand).resolves({});

    const items = await step('items');
    await step('identity');
    await step('profile');

    expect(items).toEqual({ more: false });
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

  it("deletes every version of the user's media objects, then their media records", async () => {
    cognito.on(AdminDeleteUserCommand).resolves({});
    s3.on(ListObjectVersionsCommand).resolves({
      Versions: [{ Key: 'media/user-1/M1', VersionId: 'v1' }],
      DeleteMarkers: [{ Key: 'media/user-1/M1', VersionId: 'v2' }],
    });
    documents
      .on(QueryCommand, { ExpressionAttributeValues: { ':prefix': 'MEDIA#' } })
      .resolves({ Items: [{ mediaId: 'M1' }] });

    const objects = await step('media');
    s3.on(ListObjectVersionsCommand).resolves({});
    const records = await step('media');

    expect([objects, records]).toEqual([{ more: true }, { more: false }]);
    expect(s3.commandCalls(ListObjectVersionsCommand)[0]?.args[0].input).toMatchObject({
      Bucket: 'media-bucket',
      Prefix: 'media/user-1/',
    });
    expect(s3.commandCalls(DeleteObjectsCommand)[0]?.args[0].input.Delete?.Objects).toEqual([
      { Key: 'media/user-1/M1', VersionId: 'v1' },
      { Key: 'media/user-1/M1', VersionId: 'v2' },
    ]);
    expect(documents.commandCalls(DeleteCommand)[0]?.args[0].input.Key).toEqual({
      PK: 'MEDIA#M1',
      SK: 'MEDIA',
    });
  });

  it("closes the user's open WebSocket connections, then removes their records", async () => {
    cognito.on(AdminDeleteUserCommand).resolves({});
    documents
      .on(QueryCommand, { IndexName: 'GSI1' })
      .resolves({ Items: [{ connectionId: 'c1' }, { connectionId: 'c2' }] });
    connections
      .on(DeleteConnectionCommand)
      .resolves({})
      .on(DeleteConnectionCommand, { ConnectionId: 'c2' })
      .rejects(new GoneException({ message: 'gone', $metadata: { httpStatusCode: 410 } }));

    await expect(step('connections')).resolves.toEqual({ done: true });

    expect(
      connections.commandCalls(DeleteConnectionCommand).map((call) => call.args[0].input),
    ).toEqual([{ ConnectionId: 'c1' }, { ConnectionId: 'c2' }]);
    const removed = documents
      .commandCalls(BatchWriteCommand)
      .flatMap((call) => call.args[0].input.RequestItems?.AppTable ?? []);
    expect(removed).toEqual(
      expect.arrayContaining([
        { DeleteRequest: { Key: { PK: 'CONN#c1', SK: 'CONNECTION' } } },
        { DeleteRequest: { Key: { PK: 'CONN#c2', SK: 'CONNECTION' } } },
      ]),
    );
  });

  it('keeps the connection records, so that a retry closes them, when a close fails', async () => {
    documents.on(QueryCommand, { IndexName: 'GSI1' }).resolves({ Items: [{ connectionId: 'c1' }] });
    connections.on(DeleteConnectionCommand).rejects(new Error('throttled'));

    await expect(step('connections')).rejects.toThrow('throttled');

    const removed = documents
      .commandCalls(BatchWriteCommand)
      .flatMap((call) => call.args[0].input.RequestItems?.AppTable ?? []);
    expect(removed).not.toContainEqual({
      DeleteRequest: { Key: { PK: 'CONN#c1', SK: 'CONNECTION' } },
    });
  });

  it('treats a Cognito user that is already gone as deleted', async () => {
    cognito
      .on(AdminDeleteUserCommand)
      .rejects(new UserNotFoundException({ message: 'User does not exist.', $metadata: {} }));

    await expect(step('identity')).resolves.toEqual({ done: true });
  });

  it('fails, so that the state machine retries, when Cognito fails otherwise', async () => {
    cognito.on(AdminDeleteUserCommand).rejects(new Error('throttled'));

    await expect(step('identity')).rejects.toThrow('throttled');
    expect(documents.commandCalls(PutCommand)).toHaveLength(0);
  });

  it('erases nothing for an account whose deletion was not requested', async () => {
    documents.on(GetCommand).resolves({ Item: { PK: 'USER#user-1', status: 'active' } });

    await expect(step('items')).rejects.toMatchObject({ name: 'ErasureNotRequested' });
    expect(documents.commandCalls(BatchWriteCommand)).toHaveLength(0);
  });

  it('retries deletes that DynamoDB left unprocessed', async () => {
    cognito.on(AdminDeleteUserCommand).resolves({});
    const leftover = { AppTable: [{ DeleteRequest: { Key: { PK: 'ITEM#B', SK: 'ITEM' } } }] };
    documents
      .on(BatchWriteCommand)
      .resolvesOnce({ UnprocessedItems: leftover })
      .resolves({ UnprocessedItems: {} });

    await step('items');

    const calls = documents.commandCalls(BatchWriteCommand);
    expect(calls).toHaveLength(2);
    expect(calls[1]?.args[0].input.RequestItems).toEqual(leftover);
  });

  it('rejects an event without a step or a user id', async () => {
    await expect(invoke({ userId: 'user-1' })).rejects.toThrow();
    await expect(invoke({ action: 'items' })).rejects.toThrow();
    expect(cognito.calls()).toHaveLength(0);
  });
});
