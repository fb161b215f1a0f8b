// Bad input an outside client sent: each answered with a 4xx problem, never a 5xx.
import { DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import type { APIGatewayProxyEvent, APIGatewayProxyResult } from 'aws-lambda';
import { apiGatewayEvent, lambdaContext } from './api-gateway-event';
import { importDataApiHandler, type ApiHandler } from './data-api-handler-import';

const documents = mockClient(DynamoDBDocumentClient);
let handler: ApiHandler;

beforeAll(async () => {
  handler = await importDataApiHandler('*');
});

beforeEach(() => {
  documents.reset();
  documents.on(GetCommand).resolves({});
  documents.on(PutCommand).resolves({});
});

const invoke = (event: APIGatewayProxyEvent) => handler(event, lambdaContext('DataApiFunction'));
const problemOf = (result: APIGatewayProxyResult) =>
  JSON.parse(result.body) as { status: number; errors?: { path: string }[] };

const itemPath = (id: string) => ({
  path: `/v1/items/${id}`,
  resource: '/v1/items/{id}',
  pathParameters: { id },
});

const json = { 'Content-Type': 'application/json' };

describe('the data API on bad input', () => {
  it.each(['GET', 'HEAD'])('answers a %s that carries a body as if it had none', async (method) => {
    const without = await invoke(apiGatewayEvent({ method, path: '/v1/me' }));
    const withBody = await invoke(
      apiGatewayEvent({ method, path: '/v1/me', body: '{}', headers: json }),
    );

    expect(withBody.statusCode).toBeLessThan(500);
    expect(withBody.statusCode).toBe(without.statusCode);
  });

  it.each(['%FF%FE', '%zz', '%'])(
    'answers the item id %s, a bad percent-escape, with 404',
    async (id) => {
      const result = await invoke(apiGatewayEvent({ method: 'GET', ...itemPath(id) }));

      expect(result.statusCode).toBe(404);
      expect(result.headers?.['content-type']).toBe('application/problem+json');
      expect(documents.calls()).toHaveLength(0);
    },
  );

  it('answers an item id longer than a DynamoDB key with 404 and reads nothing', async () => {
    const result = await invoke(apiGatewayEvent({ method: 'GET', ...itemPath('A'.repeat(2048)) }));

    expect(result.statusCode).toBe(404);
    expect(documents.calls()).toHaveLength(0);
  });

  it.each([
    ['an integer beyond 2^53', '{"n": 9007199254740993}', 'data.n'],
    ['a number too large to be exact', '{"n": 1e20}', 'data.n'],
    ['a number smaller than DynamoDB stores', '{"n": [1e-300]}', 'data.n.0'],
    ['a number JSON.parse reads as Infinity', '{"n": -1e400}', 'data.n'],
    ['an empty key', '{"a": {"": 1}}', 'data.a.'],
    ['a __proto__ key', '{"__proto__": {"x": 1}}', 'data.__proto__'],
    ['a lone surrogate', '{"s": "tok\\ud800"}', 'data.s'],
    ['a lone surrogate in a key', '{"\\udc00": 1}', 'data.\udc00'],
    ['U+FFFF, which SQS refuses', '{"s": "bad \\uffff"}', 'data.s'],
  ])('answers an item whose data holds %s with 422 naming its path', async (_name, data, path) => {
    const result = await invoke(
      apiGatewayEvent({
        method: 'POST',
        path: '/v1/items',
        body: `{"title": "t", "data": ${data}}`,
        headers: json,
      }),
    );

    expect(result.statusCode).toBe(422);
    expect(problemOf(result).errors?.map((error) => error.path)).toContain(path);
    expect(documents.commandCalls(PutCommand)).toHaveLength(0);
  });

  it.each([
    ['without', {}],
    ['with', { 'Idempotency-Key': 'deep-1' }],
  ])(
    'answers a body nested 10,000 levels deep %s an Idempotency-Key with 422',
    async (_name, headers) => {
      const deep = '{"a":'.repeat(10_000) + '1' + '}'.repeat(10_000);
      const result = await invoke(
        apiGatewayEvent({
          method: 'POST',
          path: '/v1/items',
          body: `{"title": "t", "data": ${deep}}`,
          headers: { ...json, ...headers },
        }),
      );

      expect(result.statusCode).toBe(422);
      expect(documents.commandCalls(PutCommand)).toHaveLength(0);
    },
  );
});
