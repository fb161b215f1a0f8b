// The `@connections` API on the gateway's port (`POST|GET|DELETE
// /<stage>/@connections/{connectionId}`), which the unchanged
// ApiGatewayManagementApi client reaches through its configured endpoint.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { WebSocket } from 'ws';
import { readBody } from '../http/read-body';
import { newGatewayId } from './events';
import type { OpenConnection } from './gateway-scope';

export async function answerManagementRequest(
  stagePath: string,
  connections: ReadonlyMap<string, OpenConnection>,
  maxMessageBytes: number,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
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
  const body = await readBody(request, maxMessageBytes);
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
