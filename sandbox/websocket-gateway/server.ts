// The local API Gateway WebSocket API: upgrade → authorizer → `$connect` →
// open; each frame → route selection → function; close → `$disconnect`; and
// the `@connections` management API on the same port, which the unchanged
// ApiGatewayManagementApi client reaches through its configured endpoint.
import { createServer, STATUS_CODES, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocket, WebSocketServer, type RawData } from 'ws';
import type { InvokeResult } from '../runtime/function-host';
import { closeServer, listen } from '../runtime/listen';
import { judgeAuthorizerResult, missingIdentitySource } from './authorization';
import {
  authorizerEvent,
  connectEvent,
  connectMethodArn,
  disconnectEvent,
  messageEvent,
  newGatewayId,
  type ConnectionInfo,
} from './events';
import { selectRoute } from './route-selection';
import type { WebSocketApiSpec } from './websocket-apis';
import { readBody } from '../http/read-body';

/** API Gateway's WebSocket message limit; a larger message closes the connection with 1009. */
export const MAX_MESSAGE_BYTES = 128 * 1024;
/** API Gateway closes idle connections after 10 minutes and every connection after 2 hours. */
export const IDLE_TIMEOUT_MS = 10 * 60 * 1000;
export const MAX_CONNECTION_MS = 2 * 60 * 60 * 1000;

export interface WebSocketGatewayOptions {
  port: number;
  host?: string;
  api: WebSocketApiSpec;
  invoke: (functionLogicalId: string, event: unknown, requestId: string) => Promise<InvokeResult>;
  region?: string;
  accountId?: string;
  idleTimeoutMs?: number;
  maxConnectionMs?: number;
  log?: (line: string) => void;
}

export interface WebSocketGateway {
  /** `ws://127.0.0.1:<port>/<stage>`, like the deployed stack's `wss://` URL. */
  url: string;
  /** `http://127.0.0.1:<port>/<stage>`: the endpoint of the `@connections` API. */
  managementEndpoint: string;
  openConnections(): number;
  close(): Promise<void>;
}

interface OpenConnection {
  info: ConnectionInfo;
  socket: WebSocket;
  lastActiveAt: number;
  timers: NodeJS.Timeout[];
}

function refuse(socket: Duplex, status: number, message: string): void {
  const body = JSON.stringify({ message });
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? ''}\r\nContent-Type: application/json\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
}

function payloadOf(result: InvokeResult): unknown {
  try {
    return JSON.parse(result.payload) as unknown;
  } catch {
    return undefined;
  }
}

/** A `$connect` integration answering a non-2xx status refuses the connection. */
function connectStatus(result: InvokeResult): number {
  if (result.status === 'failed') return 500;
  const statusCode = (payloadOf(result) as { statusCode?: unknown } | null)?.statusCode;
  return typeof statusCode === 'number' ? statusCode : 200;
}

function toBuffer(data: RawData): Buffer {
  if (Buffer.isBuffer(data)) return data;
  return Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data);
}

export async function startWebSocketGateway(
  options: WebSocketGatewayOptions,
): Promise<WebSocketGateway> {
  const { api } = options;
  const host = options.host ?? '127.0.0.1';
  const region = options.region ?? 'us-east-1';
  const accountId = options.accountId ?? '123456789012';
  const idleTimeoutMs = options.idleTimeoutMs ?? IDLE_TIMEOUT_MS;
  const maxConnectionMs = options.maxConnectionMs ?? MAX_CONNECTION_MS;
  const log = options.log ?? ((line: string) => console.log(line));
  const stagePath = `/${api.stageName}`;
  const connections = new Map<string, OpenConnection>();
  const pending = new Set<Promise<unknown>>();
  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: MAX_MESSAGE_BYTES,
    perMessageDeflate: false,
  });

  function track<T>(work: Promise<T>): Promise<T> {
    pending.add(work);
    void work.finally(() => pending.delete(work)).catch(() => undefined);
    return work;
  }

  async function authorizeAndConnect(info: ConnectionInfo): Promise<number> {
    const route = api.routes.$connect;
    if (route?.authorizer) {
      const missing = missingIdentitySource(route.authorizer.identitySource, info);
      if (missing) {
        log(`[ws] CONNECT ${info.connectionId} 401: no ${missing}`);
        return 401;
      }
      const methodArn = connectMethodArn(info, region, accountId);
      const requestId = newGatewayId();
      const started = performance.now();
      const result = await options.invoke(
        route.authorizer.functionLogicalId,
        authorizerEvent(info, methodArn, requestId),
        requestId,
      );
      const verdict = judgeAuthorizerResult(result, methodArn, performance.now() - started);
      if (!verdict.allowed) {
        log(`[ws] CONNECT ${info.connectionId} ${verdict.status}: ${verdict.reason}`);
        return verdict.status;
      }
      info.authorizer = verdict.context;
    }
    if (!route) return 200;
    const requestId = newGatewayId();
    return connectStatus(
      await options.invoke(route.functionLogicalId, connectEvent(info, requestId), requestId),
    );
  }

  async function onUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): Promise<void> {
    socket.on('error', () => undefined);
    const url = request.url ?? '/';
    const queryStart = url.indexOf('?');
    const path = queryStart < 0 ? url : url.slice(0, queryStart);
    if (path !== stagePath && path !== `${stagePath}/`) return refuse(socket, 403, 'Forbidden');
    const info: ConnectionInfo = {
      connectionId: newGatewayId(),
      connectedAt: Date.now(),
      apiId: api.apiId,
      stage: api.stageName,
      domainName: request.headers.host ?? host,
      sourceIp: (request.socket.remoteAddress ?? '127.0.0.1').replace(/^::ffff:/, ''),
      userAgent: request.headers['user-agent'],
      rawHeaders: request.rawHeaders,
      query: queryStart < 0 ? '' : url.slice(queryStart + 1),
    };
    const status = await authorizeAndConnect(info);
    if (status < 200 || status > 299) {
      return refuse(socket, status, status === 401 ? 'Unauthorized' : 'Forbidden');
    }
    if (socket.destroyed) return;
    wss.handleUpgrade(request, socket, head, (ws) => open(info, ws));
  }

  function open(info: ConnectionInfo, socket: WebSocket): void {
    const connection: OpenConnection = { info, socket, lastActiveAt: Date.now(), timers: [] };
    connections.set(info.connectionId, connection);
    let idle = setTimeout(() => socket.close(1001, 'Going away'), idleTimeoutMs);
    connection.timers.push(setTimeout(() => socket.close(1001, 'Going away'), maxConnectionMs));
    socket.on('message', (data, isBinary) => {
      connection.lastActiveAt = Date.now();
      clearTimeout(idle);
      idle = setTimeout(() => socket.close(1001, 'Going away'), idleTimeoutMs);
      void track(onFrame(connection, { data: toBuffer(data), isBinary }));
    });
    socket.on('error', () => undefined);
    socket.on('close', (code, reason) => {
      clearTimeout(idle);
      for (const timer of connection.timers) clearTimeout(timer);
      connections.delete(info.connectionId);
      const route = api.routes.$disconnect;
      if (!route) return;
      const requestId = newGatewayId();
      const close = { code, reason: reason.toString() || 'Connection closed' };
      void track(
        options.invoke(route.functionLogicalId, disconnectEvent(info, close, requestId), requestId),
      );
    });
  }

  async function onFrame(
    connection: OpenConnection,
    frame: { data: Buffer; isBinary: boolean },
  ): Promise<void> {
    const { info, socket } = connection;
    const requestId = newGatewayId();
    const routeKey = selectRoute(api.routeSelectionExpression, Object.keys(api.routes), frame);
    const route = api.routes[routeKey];
    const reply = (message: string) =>
      socket.readyState === WebSocket.OPEN &&
      socket.send(JSON.stringify({ message, connectionId: info.connectionId, requestId }));
    if (!route) {
      reply('Forbidden');
      return;
    }
    const result = await options.invoke(
      route.functionLogicalId,
      messageEvent(info, routeKey, frame, requestId),
      requestId,
    );
    if (result.status === 'failed') {
      log(`[ws] ${routeKey} ${info.connectionId}: ${result.error.errorMessage}`);
      reply('Internal server error');
      return;
    }
    if (route.returnsResponse && socket.readyState === WebSocket.OPEN) {
      const payload = payloadOf(result);
      const body = (payload as { body?: unknown } | null)?.body ?? payload;
      if (body !== undefined && body !== null) {
        socket.send(typeof body === 'string' ? body : JSON.stringify(body));
      }
    }
  }

  /** `POST|GET|DELETE /<stage>/@connections/{connectionId}`. */
  async function onManagement(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const reply = (status: number, body?: unknown, errorType?: string) => {
      const text = body === undefined ? '' : JSON.stringify(body);
      response.writeHead(status, {
        'Content-Type': 'application/json',
        'Content-Length': String(Buffer.byteLength(text)),
        'x-amzn-RequestId': newGatewayId(),
        ...(errorType ? { 'x-amzn-ErrorType': errorType } : {}),
      });
      response.end(text);
    };
    const path = (request.url ?? '/').split('?')[0] ?? '/';
    const match = new RegExp(`^${stagePath}/@connections/([^/]+)$`).exec(path);
    if (!match?.[1]) return reply(404, { message: 'Not Found' }, 'NotFoundException');
    const connectionId = decodeURIComponent(match[1]);
    const body = await readBody(request, MAX_MESSAGE_BYTES);
    const connection = connections.get(connectionId);
    if (!connection || connection.socket.readyState !== WebSocket.OPEN) {
      return reply(410, { message: null }, 'GoneException');
    }
    switch (request.method) {
      case 'POST': {
        if (!body) return reply(413, { message: null }, 'PayloadTooLargeException');
        const sent = await new Promise<boolean>((done) =>
          connection.socket.send(body, { binary: false }, (error) => done(!error)),
        );
        return sent ? reply(200) : reply(410, { message: null }, 'GoneException');
      }
      case 'GET':
        return reply(200, {
          connectedAt: new Date(connection.info.connectedAt).toISOString(),
          identity: { sourceIp: connection.info.sourceIp, userAgent: connection.info.userAgent },
          lastActiveAt: new Date(connection.lastActiveAt).toISOString(),
        });
      case 'DELETE':
        connection.socket.close(1000, 'Connection deleted');
        response.writeHead(204, { 'x-amzn-RequestId': newGatewayId() });
        response.end();
        return;
      default:
        return reply(404, { message: 'Not Found' }, 'NotFoundException');
    }
  }

  const server = createServer((request, response) => {
    onManagement(request, response).catch((error: unknown) => {
      log(`[ws] @connections error: ${error instanceof Error ? error.message : String(error)}`);
      if (!response.headersSent) response.writeHead(500);
      response.end();
    });
  });
  server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    onUpgrade(request, socket, head).catch((error: unknown) => {
      log(`[ws] upgrade error: ${error instanceof Error ? error.message : String(error)}`);
      refuse(socket, 500, 'Internal server error');
    });
  });
  const base = await listen(server, options.port, host, `WebSocket API ${api.logicalId}`);
  const local = new URL(base);

  return {
    url: `ws://${local.host}${stagePath}`,
    managementEndpoint: `http://${local.host}${stagePath}`,
    openConnections: () => connections.size,
    async close() {
      for (const { socket } of connections.values()) socket.close(1001, 'Going away');
      // The $disconnect invocations of those closes, while the functions still run.
      const deadline = new Promise((done) => setTimeout(done, 2000).unref());
      await new Promise((done) => setTimeout(done, 50));
      await Promise.race([Promise.allSettled([...pending]), deadline]);
      for (const { socket } of connections.values()) socket.terminate();
      wss.close();
      await closeServer(server);
    },
  };
}
