// The local API Gateway WebSocket API: upgrade → authorizer → `$connect` →
// open; each frame → route selection → function; close → `$disconnect`; and
// the `@connections` management API on the same port, which the unchanged
// ApiGatewayManagementApi client reaches through its configured endpoint.
// This file wires the server and a connection's life; opening a connection
// is connect.ts, a frame is frames.ts, `@connections` is management-api.ts.
import { createServer, STATUS_CODES, type IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import type { InvokeResult } from '../runtime/function-host';
import { closeServer, listen } from '../runtime/listen';
import { authorizeAndConnect, connectionInfoOf } from './connect';
import { routeDisconnect } from './disconnect';
import type { ConnectionInfo } from './events';
import { routeFrame } from './frames';
import type { GatewayScope, OpenConnection } from './gateway-scope';
import { answerManagementRequest } from './management-api';
import type { WebSocketApiSpec } from './websocket-apis';

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

function refuse(socket: Duplex, status: number, message: string): void {
  const body = JSON.stringify({ message });
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? ''}\r\nContent-Type: application/json\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
}

function toBuffer(data: RawData): Buffer {
  if (Buffer.isBuffer(data)) return data;
  return Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data);
}

/** Work still running for the gateway (frames, `$disconnect`), awaited when it closes. */
function createPendingWork() {
  const pending = new Set<Promise<unknown>>();
  return {
    track<T>(work: Promise<T>): Promise<T> {
      pending.add(work);
      void work.finally(() => pending.delete(work)).catch(() => undefined);
      return work;
    },
    settled: () => Promise.allSettled([...pending]),
  };
}

export async function startWebSocketGateway(
  options: WebSocketGatewayOptions,
): Promise<WebSocketGateway> {
  const host = options.host ?? '127.0.0.1';
  const scope: GatewayScope = {
    api: options.api,
    invoke: options.invoke,
    region: options.region ?? 'us-east-1',
    accountId: options.accountId ?? '123456789012',
    log: options.log ?? ((line: string) => console.log(line)),
  };
  const stagePath = `/${options.api.stageName}`;
  const connections = new Map<string, OpenConnection>();
  const work = createPendingWork();
  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: MAX_MESSAGE_BYTES,
    perMessageDeflate: false,
  });
  const open = (info: ConnectionInfo, socket: WebSocket) =>
    keepConnection(scope, { info, socket, lastActiveAt: Date.now(), timers: [] }, connections, {
      idleTimeoutMs: options.idleTimeoutMs ?? IDLE_TIMEOUT_MS,
      maxConnectionMs: options.maxConnectionMs ?? MAX_CONNECTION_MS,
      track: work.track,
    });

  async function onUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): Promise<void> {
    socket.on('error', () => undefined);
    const info = connectionInfoOf(request, scope, host);
    if (!info) return refuse(socket, 403, 'Forbidden');
    const status = await authorizeAndConnect(scope, info);
    if (status < 200 || status > 299) {
      return refuse(socket, status, status === 401 ? 'Unauthorized' : 'Forbidden');
    }
    if (socket.destroyed) return;
    wss.handleUpgrade(request, socket, head, (ws) => open(info, ws));
  }

  const server = createServer((request, response) => {
    answerManagementRequest(stagePath, connections, MAX_MESSAGE_BYTES, request, response).catch(
      (error: unknown) => {
        scope.log(
          `[ws] @connections error: ${error instanceof Error ? error.message : String(error)}`,
        );
        if (!response.headersSent) response.writeHead(500);
        response.end();
      },
    );
  });
  server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    onUpgrade(request, socket, head).catch((error: unknown) => {
      scope.log(`[ws] upgrade error: ${error instanceof Error ? error.message : String(error)}`);
      refuse(socket, 500, 'Internal server error');
    });
  });
  const base = await listen(server, options.port, host, `WebSocket API ${options.api.logicalId}`);
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
      await Promise.race([work.settled(), deadline]);
      for (const { socket } of connections.values()) socket.terminate();
      wss.close();
      await closeServer(server);
    },
  };
}

/**
 * An open connection's life: frames routed while it is active, closed by
 * API Gateway's idle and lifetime limits, `$disconnect` once it is closed.
 */
function keepConnection(
  scope: GatewayScope,
  connection: OpenConnection,
  connections: Map<string, OpenConnection>,
  limits: {
    idleTimeoutMs: number;
    maxConnectionMs: number;
    track: <T>(work: Promise<T>) => Promise<T>;
  },
): void {
  const { info, socket } = connection;
  connections.set(info.connectionId, connection);
  const goAway = () => socket.close(1001, 'Going away');
  let idle = setTimeout(goAway, limits.idleTimeoutMs);
  connection.timers.push(setTimeout(goAway, limits.maxConnectionMs));
  socket.on('message', (data, isBinary) => {
    connection.lastActiveAt = Date.now();
    clearTimeout(idle);
    idle = setTimeout(goAway, limits.idleTimeoutMs);
    void limits.track(routeFrame(scope, connection, { data: toBuffer(data), isBinary }));
  });
  socket.on('error', () => undefined);
  socket.on('close', (code, reason) => {
    clearTimeout(idle);
    for (const timer of connection.timers) clearTimeout(timer);
    connections.delete(info.connectionId);
    const close = { code, reason: reason.toString() || 'Connection closed' };
    void limits.track(routeDisconnect(scope, info, close));
  });
}
