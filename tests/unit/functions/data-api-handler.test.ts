import {
  DeleteCommand,
  DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { SFNClient, StartExecutionCommand } from '@aws-sdk/client-sfn';
import { mockClient } from 'aws-sdk-client-mock';
import type { APIGatewayProxyEvent, APIGatewayProxyResult } from 'aws-lambda';
import { apiGatewayEvent, lambdaContext } from './api-gateway-event';
import { importDataApiHandler, type ApiHandler } from './data-api-handler-import';

const documents = mockClient(DynamoDBDocumentClient);
const stepFunctions = mockClient(SFNClient);
let handler: ApiHandler;

beforeAll(async () => {
  handler = await importDataApiHandler('https://app.example.com');
});

beforeEach(() => {
  documents.reset();
  stepFunctions.reset();
  // Every route first reads the caller's profile status (and remembers an
  // active one for a second): an account that has none is active.
  documents.on(GetCommand, { Key: { PK: 'USER#user-1', SK: 'PROFILE' } }).resolves({});
});

const invoke = (event: APIGatewayProxyEvent) => handler(event, lambdaContext('DataApiFunction'));
const bodyOf = (result: APIGatewayProxyResult) =>
  JSON.parse(result.body) as Record<string, unknown>;

/** A response header as a client sees it, whether the router put it in headers or multiValueHeaders. */
function headerOf(result: APIGatewayProxyResult, name: string): string | undefined {
  const values = result.multiValueHeaders?.[name];
  return values ? values.join(', ') : result.headers?.[name]?.toString();
}

describe('the data API handler', () => {
  it('creates the profile on the first GET /v1/me and serves it with its ETag', async () => {
    documents.on(GetCommand).resolves({});
    documents.on(PutCommand).resolves({});

    const result = await invoke(apiGatewayEvent({ method: 'GET', path: '/v1/me' }));

    expect(result.statusCode).toBe(200);
    expect(result.headers?.etag).toBe('"1"');
    expect(bodyOf(result)).toMatchObject({ userId: 'user-1', role: 'customer', version: 1 });
    const put = documents.commandCalls(PutCommand)[0]?.args[0].input;
    expect(put?.Item).toMatchObject({ PK: 'USER#user-1', SK: 'PROFILE', entity: 'profile' });
  });

  it('answers an unsupported method on a known path with a 405 problem', async () => {
    const result = await invoke(apiGatewayEvent({ method: 'PUT', path: '/v1/items' }));

    expect(result.statusCode).toBe(405);
    expect(result.headers?.['content-type']).toBe('application/problem+json');
    expect(headerOf(result, 'allow')).toBe('GET, POST');
    expect(bodyOf(result)).toMatchObject({ status: 405, requestId: expect.any(String) });
  });

  it('answers malformed JSON with a 400 problem and stores nothing', async () => {
    const result = await invoke(
      apiGatewayEvent({
        method: 'POST',
        path: '/v1/items',
        body: '{"title": "Bike",',
        headers: { 'Content-Type': 'application/json' },
      }),
    );

    expect(result.statusCode).toBe(400);
    expect(result.headers?.['content-type']).toBe('application/problem+json');
    expect(bodyOf(result).type).toBe('https://mobile-backend.dev/problems/bad-request');
    // At most the caller's profile status was read.
    const commands = documents.calls().map((call) => call.args[0].constructor.name);
    expect(commands.filter((name) => name !== 'GetCommand')).toEqual([]);
  });

  it('puts the request id and CORS headers on error responses too', async () => {
    const result = await invoke(
      apiGatewayEvent({ method: 'GET', path: '/v1/nowhere', requestId: 'req-42' }),
    );

    expect(result.statusCode).toBe(404);
    expect(result.headers?.['x-request-id']).toBe('req-42');
    expect(result.headers?.['access-control-allow-origin']).toBe('https://app.example.com');
    expect(bodyOf(result).requestId).toBe('req-42');
  });

  it('creates an item with 201, Location and ETag', async () => {
    // The caller has no profile yet: an account that is not being erased.
    documents.on(GetCommand).resolves({});
    documents.on(PutCommand).resolves({});

    const result = await invoke(
      apiGatewayEvent({
        method: 'POST',
        path: '/v1/items',
        body: JSON.stringify({ title: 'Bike', tags: ['Sale'] }),
        headers: { 'Content-Type': 'application/json' },
      }),
    );

    const item = bodyOf(result);
    expect(result.statusCode).toBe(201);
    expect(result.headers?.location).toBe(`/v1/items/${String(item.id)}`);
    expect(result.headers?.etag).toBe('"1"');
    expect(item).toMatchObject({ ownerId: 'user-1', title: 'Bike', tags: ['sale'] });
    expect(documents.commandCalls(PutCommand)[0]?.args[0].input.Item).toMatchObject({
      PK: `ITEM#${String(item.id)}`,
      GSI1PK: 'OWNER#user-1',
      entity: 'item',
    });
  });

  it("hides another user's private item behind a 404", async () => {
    const id = '01JNZ5X8Q6S1V7D2Y3M4K5P6R7';
    documents.on(GetCommand, { Key: { PK: `ITEM#${id}` } }).resolves({
      Item: { id, ownerId: 'someone-else', title: 'Diary', visibility: 'private', version: 1 },
    });

    const result = await invoke(
      apiGatewayEvent({
        method: 'GET',
        path: `/v1/items/${id}`,
        resource: '/v1/items/{id}',
        pathParameters: { id },
      }),
    );

    expect(result.statusCode).toBe(404);
    expect(result.body).not.toContain('Diary');
  });

  it('refuses a token of an account being deleted with 403 account-deleted, reading nothing else', async () => {
    documents
      .on(GetCommand, { Key: { PK: 'USER#user-deleting', SK: 'PROFILE' } })
      .resolves({ Item: { PK: 'USER#user-deleting', SK: 'PROFILE', status: 'deleting' } });

    const result = await invoke(
      apiGatewayEvent({ method: 'GET', path: '/v1/items', sub: 'user-deleting' }),
    );

    expect(result.statusCode).toBe(403);
    expect(bodyOf(result).type).toBe('https://mobile-backend.dev/problems/account-deleted');
    expect(documents.commandCalls(QueryCommand)).toHaveLength(0);
  });

  it("reads an active caller's profile status once for requests a moment apart", async () => {
    documents.on(GetCommand).resolves({});
    documents.on(QueryCommand).resolves({ Items: [] });
    const listing = apiGatewayEvent({ method: 'GET', path: '/v1/items', sub: 'user-busy' });

    const replies = [await invoke(listing), await invoke(listing)];

    expect(replies.map((reply) => reply.statusCode)).toEqual([200, 200]);
    const profileReads = documents
      .commandCalls(GetCommand)
      .filter((call) => call.args[0].input.Key?.PK === 'USER#user-busy');
    expect(profileReads).toHaveLength(1);
  });

  it('refuses the token at once after its DELETE /v1/me, though the account was just seen active', async () => {
    const profile = { PK: 'USER#user-leaving', SK: 'PROFILE' };
    documents.on(GetCommand).resolves({});
    documents.on(QueryCommand).resolves({ Items: [] });
    documents.on(UpdateCommand).resolves({});
    stepFunctions.on(StartExecutionCommand).resolves({});
    const as = (method: string, path: string) =>
      invoke(apiGatewayEvent({ method, path, sub: 'user-leaving' }));
    const before = await as('GET', '/v1/items');

    const deletion = await as('DELETE', '/v1/me');
    documents
      .on(GetCommand, { Key: profile })
      .resolves({ Item: { ...profile, status: 'deleting' } });
    const after = await as('GET', '/v1/items');

    expect([before.statusCode, deletion.statusCode, after.statusCode]).toEqual([200, 202, 403]);
  });

  it('answers 400 for an out-of-range limit', async () => {
    const result = await invoke(
      apiGatewayEvent({ method: 'GET', path: '/v1/items', query: { limit: '500' } }),
    );

    expect(result.statusCode).toBe(400);
  });

  it('answers DELETE /v1/items/{id} with 204 and an empty body', async () => {
    const id = '01JNZ5X8Q6S1V7D2Y3M4K5P6R7';
    documents
      .on(GetCommand, { Key: { PK: `ITEM#${id}` } })
      .resolves({ Item: { id, ownerId: 'user-1', title: 't', version: 3 } });
    documents.on(DeleteCommand).resolves({});

    const result = await invoke(
      apiGatewayEvent({
        method: 'DELETE',
        path: `/v1/items/${id}`,
        headers: { 'If-Match': '"3"' },
      }),
    );

    expect(result.statusCode).toBe(204);
    expect(result.body).toBe('');
  });

  it('answers an unexpected storage failure with a bare 500', async () => {
    documents.on(GetCommand).rejects(new Error('socket hang up at 10.1.2.3'));

    const result = await invoke(apiGatewayEvent({ method: 'GET', path: '/v1/me' }));

    expect(result.statusCode).toBe(500);
    expect(result.body).not.toContain('10.1.2.3');
  });
});
