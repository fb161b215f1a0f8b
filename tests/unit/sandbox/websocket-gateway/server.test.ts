import {
  ApiGatewayManagementApiClient,
  DeleteConnectionCommand,
  GetConnectionCommand,
  GoneException,
  PostToConnectionCommand,
} from '@aws-sdk/client-apigatewaymanagementapi';
import WebSocket from 'ws';
import type { InvokeResult } from '../../../../sandbox/runtime/function-host';
import type { WebSocketRouteEvent } from '../../../../sandbox/websocket-gateway/events';
import {
  startWebSocketGateway,
  type WebSocketGateway,
} from '../../../../sandbox/websocket-gateway/server';
import type { WebSocketApiSpec } from '../../../../sandbox/websocket-gateway/websocket-apis';

const route = (routeKey: string, authorized = false) => ({
  routeKey,
  functionLogicalId: 'RoutesFunction',
  returnsResponse: false,
  ...(authorized && {
    authorizer: {
      functionLogicalId: 'AuthorizerFunction',
      identitySource: ['route.request.querystring.token'],
    },
  }),
});

const api: WebSocketApiSpec = {
  logicalId: 'WebSocketApi',
  apiId: 'abc123',
  stageName: 'api',
  routeSelectionExpression: '$request.body.action',
  routes: {
    $connect: route('$connect', true),
    $disconnect: route('$disconnect'),
    $default: route('$default'),
    ping: route('ping'),
  },
};

let gateway: WebSocketGateway;
let events: WebSocketRouteEvent[];
let connectStatus: number;
const management = () =>
  new ApiGatewayManagementApiClient({
    endpoint: gateway.managementEndpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });

function succeeded(result: unknown): InvokeResult {
  return { status: 'succeeded', requestId: 'r', durationMs: 1, payload: JSON.stringify(result) };
}

function failed(message: string): InvokeResult {
  const error = { errorType: 'Error', errorMessage: message, trace: [] };
  return { status: 'failed', requestId: 'r', durationMs: 1, error, payload: JSON.stringify(error) };
}

// The authorizer allows `?token=good`, denies `?token=denied`, throws Unauthorized otherwise.
async function invoke(functionLogicalId: string, event: unknown): Promise<InvokeResult> {
  if (functionLogicalId === 'AuthorizerFunction') {
    const request = event as { queryStringParameters: { token: string }; methodArn: string };
    const token = request.queryStringParameters.token;
    if (token !== 'good' && token !== 'denied') return failed('Unauthorized');
    return succeeded({
      principalId: 'user-1',
      policyDocument: {
        Version: '2012-10-17',
        Statement: [
          {
            Action: 'execute-api:Invoke',
            Effect: token === 'good' ? 'Allow' : 'Deny',
            Resource: request.methodArn,
          },
        ],
      },
      context: { userId: 'user-1' },
    });
  }
  const routeEvent = event as WebSocketRouteEvent;
  events.push(routeEvent);
  if (routeEvent.requestContext.routeKey === '$connect') {
    return succeeded({ statusCode: connectStatus });
  }
  if (routeEvent.body === '{"action":"ping","fail":true}') return failed('boom');
  return succeeded({ statusCode: 200 });
}

async function open(token = 'good'): Promise<{ socket: WebSocket; frames: string[] }> {
  const socket = new WebSocket(`${gateway.url}?token=${token}`);
  const frames: string[] = [];
  socket.on('message', (data) => frames.push(data.toString()));
  await new Promise((done, fail) => {
    socket.once('open', done);
    socket.once('error', fail);
  });
  return { socket, frames };
}

async function refusal(url: string): Promise<number> {
  const socket = new WebSocket(url);
  return new Promise((done) => {
    socket.once('unexpected-response', (_request, response) => {
      done(response.statusCode ?? 0);
      socket.terminate();
    });
    socket.once('error', () => undefined);
    socket.once('open', () => done(101));
  });
}

const until = async (check: () => boolean, ms = 2000) => {
  const deadline = Date.now() + ms;
  while (!check() && Date.now() < deadline) await new Promise((done) => setTimeout(done, 10));
};

const connectionIdOf = () => {
  const connect = events.find((event) => event.requestContext.routeKey === '$connect');
  return connect?.requestContext.connectionId ?? '';
};

beforeAll(async () => {
  gateway = await startWebSocketGateway({ port: 0, api, invoke, log: () => undefined });
});

afterAll(async () => {
  await gateway.close();
});

beforeEach(() => {
  events = [];
  connectStatus = 200;
});

describe('connecting', () => {
  it('invokes $connect with the authorizer context and the upgrade request', async () => {
    const { socket } = await open();

    const connect = events[0];
    expect(connect?.requestContext).toMatchObject({
      routeKey: '$connect',
      eventType: 'CONNECT',
      stage: 'api',
      apiId: 'abc123',
      authorizer: { userId: 'user-1', principalId: 'user-1' },
    });
    expect(connect?.queryStringParameters).toEqual({ token: 'good' });
    expect(connect?.requestContext.connectionId).toMatch(/^[\w-]{15}=$/);
    socket.close();
  });

  it('refuses with 401 without invoking anything when the token is missing', async () => {
    const status = await refusal(gateway.url);

    expect(status).toBe(401);
    expect(events).toEqual([]);
  });

  it('refuses with 401 when the authorizer answers Unauthorized', async () => {
    expect(await refusal(`${gateway.url}?token=bad`)).toBe(401);
  });

  it('refuses with 403 when the authorizer policy denies', async () => {
    expect(await refusal(`${gateway.url}?token=denied`)).toBe(403);
  });

  it('refuses the connection when $connect answers a non-2xx status', async () => {
    connectStatus = 409;

    expect(await refusal(`${gateway.url}?token=good`)).toBe(409);
  });

  it('refuses a path other than the stage with 403', async () => {
    expect(await refusal(gateway.url.replace('/api', '/other?token=good'))).toBe(403);
  });
});

describe('frames', () => {
  it('routes a frame by its action with a MESSAGE event', async () => {
    const { socket } = await open();

    socket.send('{"action":"ping"}');
    await until(() => events.some((event) => event.requestContext.routeKey === 'ping'));

    const ping = events.find((event) => event.requestContext.routeKey === 'ping');
    expect(ping).toMatchObject({ body: '{"action":"ping"}', isBase64Encoded: false });
    expect(ping?.requestContext).toMatchObject({
      eventType: 'MESSAGE',
      connectionId: connectionIdOf(),
      authorizer: { userId: 'user-1' },
    });
    socket.close();
  });

  it('routes a frame that is not JSON to $default', async () => {
    const { socket } = await open();

    socket.send('hello');
    await until(() => events.some((event) => event.requestContext.routeKey === '$default'));

    expect(events.map((event) => event.requestContext.routeKey)).toContain('$default');
    socket.close();
  });

  it('tells the client when the route function fails, as API Gateway does', async () => {
    const { socket, frames } = await open();

    socket.send('{"action":"ping","fail":true}');
    await until(() => frames.length > 0);

    expect(JSON.parse(frames[0] ?? '{}')).toMatchObject({
      message: 'Internal server error',
      connectionId: connectionIdOf(),
    });
    socket.close();
  });

  it('closes the connection with 1009 when a message exceeds 128 KB', async () => {
    const { socket } = await open();
    const closed = new Promise<number>((done) => socket.once('close', (code) => done(code)));

    socket.send('x'.repeat(128 * 1024 + 1));

    expect(await closed).toBe(1009);
  });

  it('invokes $disconnect after the client closes', async () => {
    const { socket } = await open();

    const connectionId = connectionIdOf();
    // Only this connection's: an earlier test's connection may report its end late.
    const isOurDisconnect = (event: (typeof events)[number]) =>
      event.requestContext.routeKey === '$disconnect' &&
      event.requestContext.connectionId === connectionId;

    socket.close(1000, 'bye');
    await until(() => events.some(isOurDisconnect));

    const disconnect = events.find(isOurDisconnect);
    expect(disconnect?.requestContext).toMatchObject({
      eventType: 'DISCONNECT',
      disconnectStatusCode: 1000,
      disconnectReason: 'bye',
    });
  });
});

describe('@connections', () => {
  it('posts data to the connection through the unchanged SDK client', async () => {
    const { socket, frames } = await open();

    await management().send(
      new PostToConnectionCommand({
        ConnectionId: connectionIdOf(),
        Data: new TextEncoder().encode('{"type":"pong"}'),
      }),
    );
    await until(() => frames.length > 0);

    expect(frames).toEqual(['{"type":"pong"}']);
    socket.close();
  });

  it('describes an open connection', async () => {
    const { socket } = await open();

    const reply = await management().send(
      new GetConnectionCommand({ ConnectionId: connectionIdOf() }),
    );

    expect(reply.ConnectedAt).toBeInstanceOf(Date);
    expect(reply.Identity?.SourceIp).toBe('127.0.0.1');
    socket.close();
  });

  it('closes a connection on DELETE, which then gets $disconnect', async () => {
    const { socket } = await open();
    const closed = new Promise<number>((done) => socket.once('close', (code) => done(code)));

    await management().send(new DeleteConnectionCommand({ ConnectionId: connectionIdOf() }));

    expect(await closed).toBe(1000);
    await until(() => events.some((event) => event.requestContext.routeKey === '$disconnect'));
    expect(events.map((event) => event.requestContext.routeKey)).toContain('$disconnect');
  });

  it('answers GoneException (410) for an unknown connection', async () => {
    const post = management().send(
      new PostToConnectionCommand({ ConnectionId: 'nobody=', Data: new Uint8Array([1]) }),
    );

    await expect(post).rejects.toBeInstanceOf(GoneException);
  });

  it('answers GoneException (410) for a connection that has closed', async () => {
    const { socket } = await open();
    const id = connectionIdOf();
    socket.close();
    await until(() => gateway.openConnections() === 0);

    const post = management().send(
      new PostToConnectionCommand({ ConnectionId: id, Data: new Uint8Array([1]) }),
    );

    await expect(post).rejects.toMatchObject({
      name: 'GoneException',
      $metadata: { httpStatusCode: 410 },
    });
  });
});
