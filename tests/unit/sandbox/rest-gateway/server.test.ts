import type { APIGatewayProxyEvent } from 'aws-lambda';
import { createCognitoAuthorizer } from '../../../../sandbox/rest-gateway/authorizer';
import { startRestGateway, type RestGateway } from '../../../../sandbox/rest-gateway/server';
import type { InvokeResult } from '../../../../sandbox/runtime/function-host';
import { apiFunction, restApi } from './api-fixture';
import { startTokenIssuer, type TokenIssuer } from './token-issuer';

let pool: TokenIssuer;
let gateway: RestGateway;
let invocations: { logicalId: string; event: APIGatewayProxyEvent }[];
let nextResult: unknown;

function succeeded(result: unknown): InvokeResult {
  return {
    status: 'succeeded',
    requestId: 'lambda-1',
    durationMs: 1,
    payload: JSON.stringify(result),
  };
}

beforeAll(async () => {
  pool = await startTokenIssuer();
  gateway = await startRestGateway({
    port: 0,
    api: restApi({
      gatewayResponses: {
        ...restApi().gatewayResponses,
        // As template.yaml declares it: no StatusCode, so each reply keeps its own.
        DEFAULT_5XX: {
          headers: {
            'Content-Type': "'application/problem+json'",
            'X-Request-Id': 'context.requestId',
          },
          template:
            '{"type":"https://mobile-backend.dev/problems/gateway-error","title":$context.error.messageString,"requestId":"$context.requestId"}',
        },
      },
    }),
    functions: [
      apiFunction('DataApiFunction', [
        { path: '/v1/me', method: 'ANY' },
        { path: '/v1/items/{id}', method: 'ANY' },
      ]),
      apiFunction('HealthFunction', [{ path: '/health', method: 'GET', authorizer: 'NONE' }]),
    ],
    authorizers: {
      CognitoAuthorizer: createCognitoAuthorizer({
        header: 'Authorization',
        issuer: pool.issuer,
        clientIds: [pool.clientId],
      }),
    },
    invoke: async (logicalId, event) => {
      invocations.push({ logicalId, event });
      if (nextResult instanceof Error) {
        const error = { errorType: 'Error', errorMessage: nextResult.message, trace: [] };
        return {
          status: 'failed',
          requestId: 'lambda-1',
          durationMs: 1,
          error,
          payload: JSON.stringify(error),
        };
      }
      return succeeded(nextResult);
    },
    log: () => undefined,
  });
});

beforeEach(() => {
  invocations = [];
  nextResult = {
    statusCode: 200,
    headers: { 'Content-Type': 'application/json' },
    body: '{"ok":true}',
  };
});

afterAll(async () => {
  await gateway.close();
  await pool.close();
});

async function authorized(): Promise<Record<string, string>> {
  return { Authorization: `Bearer ${await pool.sign()}` };
}

describe('REST gateway', () => {
  it('serves the API under its stage, like the deployed ApiUrl', () => {
    expect(gateway.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api$/);
  });

  it("invokes the route's function and sends its reply", async () => {
    const response = await fetch(`${gateway.url}/v1/items/42?x=1`, { headers: await authorized() });

    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true });
    expect(invocations).toEqual([
      {
        logicalId: 'DataApiFunction',
        event: expect.objectContaining({
          resource: '/v1/items/{id}',
          path: '/v1/items/42',
          pathParameters: { id: '42' },
          queryStringParameters: { x: '1' },
        }),
      },
    ]);
  });

  it('answers with the request id the handler saw', async () => {
    const response = await fetch(`${gateway.url}/v1/me`, { headers: await authorized() });

    expect(response.headers.get('x-amzn-requestid')).toBe(
      invocations[0]?.event.requestContext.requestId,
    );
  });

  it('gives the handler the claims of the token', async () => {
    await fetch(`${gateway.url}/v1/me`, { headers: await authorized() });

    expect(invocations[0]?.event.requestContext.authorizer).toEqual({
      claims: expect.objectContaining({ sub: 'user-1', 'cognito:groups': 'customers,providers' }),
    });
  });

  it("answers a request without a token with the template's UNAUTHORIZED response", async () => {
    const response = await fetch(`${gateway.url}/v1/me`);
    const requestId = response.headers.get('x-amzn-requestid');

    expect(response.status).toBe(401);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    expect(response.headers.get('x-request-id')).toBe(requestId);
    expect(await response.json()).toMatchObject({ status: 401, requestId });
    expect(invocations).toEqual([]);
  });

  it('invokes a route that opts out of the authorizer without a token', async () => {
    const response = await fetch(`${gateway.url}/health`);

    expect(response.status).toBe(200);
    expect(invocations[0]?.event.requestContext.authorizer).toBeUndefined();
  });

  it('answers an unknown path with Missing Authentication Token', async () => {
    const response = await fetch(`${gateway.url}/v2/me`, { headers: await authorized() });

    expect(response.status).toBe(403);
    expect(await response.json()).toEqual({ message: 'Missing Authentication Token' });
  });

  it('answers a path outside the stage with Missing Authentication Token', async () => {
    const response = await fetch(`${gateway.url.replace(/\/api$/, '')}/v1/me`, {
      headers: await authorized(),
    });

    expect(response.status).toBe(403);
  });

  it('answers a CORS preflight itself, without a token or a function', async () => {
    const response = await fetch(`${gateway.url}/v1/items/42`, {
      method: 'OPTIONS',
      headers: { Origin: 'https://app.example.com', 'Access-Control-Request-Method': 'PATCH' },
    });

    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-methods')).toBe(
      'GET,POST,PATCH,DELETE,OPTIONS',
    );
    expect(invocations).toEqual([]);
  });

  it("answers 502 with the API's DEFAULT_5XX response when the function fails", async () => {
    nextResult = new Error('boom');

    const response = await fetch(`${gateway.url}/v1/me`, { headers: await authorized() });

    const requestId = response.headers.get('x-amzn-requestid');
    expect(response.status).toBe(502);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    expect(response.headers.get('x-request-id')).toBe(requestId);
    expect(await response.json()).toEqual({
      type: 'https://mobile-backend.dev/problems/gateway-error',
      title: 'Internal server error',
      requestId,
    });
  });

  it('refuses a body above 10 MB with 413', async () => {
    const response = await fetch(`${gateway.url}/v1/me`, {
      method: 'POST',
      headers: { ...(await authorized()), 'Content-Type': 'application/json' },
      body: Buffer.alloc(10 * 1024 * 1024 + 1, 'a'),
    });

    expect(response.status).toBe(413);
    expect(invocations).toEqual([]);
  });

  it('names the port when it is already in use', async () => {
    const port = Number(new URL(gateway.url).port);

    const starting = startRestGateway({
      port,
      api: restApi(),
      functions: [],
      authorizers: {},
      invoke: async () => succeeded({}),
    });

    await expect(starting).rejects.toThrow(
      `REST API Api cannot listen: port ${port} on 127.0.0.1 is already in use`,
    );
  });
});

describe('REST gateway stage throttling', () => {
  it('answers 429 THROTTLED beyond the burst, without invoking the function', async () => {
    const throttled = await startRestGateway({
      port: 0,
      api: restApi({
        throttling: { rateLimit: 1, burstLimit: 2 },
        gatewayResponses: {
          THROTTLED: {
            statusCode: 429,
            headers: { 'Content-Type': "'application/problem+json'" },
            template: '{"title":"Too Many Requests","requestId":"$context.requestId"}',
          },
        },
      }),
      functions: [
        apiFunction('HealthFunction', [{ path: '/health', method: 'GET', authorizer: 'NONE' }]),
      ],
      authorizers: {},
      invoke: async (logicalId, event) => {
        invocations.push({ logicalId, event });
        return succeeded({ statusCode: 200, body: 'ok' });
      },
      log: () => undefined,
    });
    try {
      const replies = [];
      for (let index = 0; index < 3; index += 1)
        replies.push(await fetch(`${throttled.url}/health`));

      expect(replies.map((reply) => reply.status)).toEqual([200, 200, 429]);
      const refused = replies[2] as Response;
      expect(refused.headers.get('content-type')).toBe('application/problem+json');
      expect(await refused.json()).toEqual({
        title: 'Too Many Requests',
        requestId: refused.headers.get('x-amzn-requestid'),
      });
      expect(invocations).toHaveLength(2);
    } finally {
      await throttled.close();
    }
  });

  it('throttles each method on its own, as API Gateway applies stage limits per method', async () => {
    const throttled = await startRestGateway({
      port: 0,
      api: restApi({ throttling: { rateLimit: 1, burstLimit: 1 } }),
      functions: [
        apiFunction('HealthFunction', [
          { path: '/health', method: 'GET', authorizer: 'NONE' },
          { path: '/health', method: 'POST', authorizer: 'NONE' },
          { path: '/status', method: 'GET', authorizer: 'NONE' },
        ]),
      ],
      authorizers: {},
      invoke: async () => succeeded({ statusCode: 200, body: 'ok' }),
      log: () => undefined,
    });
    try {
      const statuses = [];
      for (const [method, path] of [
        ['GET', '/health'],
        ['GET', '/health'],
        ['POST', '/health'],
        ['GET', '/status'],
      ] as const) {
        statuses.push((await fetch(`${throttled.url}${path}`, { method })).status);
      }

      expect(statuses).toEqual([200, 429, 200, 200]);
    } finally {
      await throttled.close();
    }
  });
});
