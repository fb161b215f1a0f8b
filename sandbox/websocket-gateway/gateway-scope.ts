// What every piece of one WebSocket gateway works with: its API, how to
// invoke a function, where it runs, and the connections open on it.
import type { WebSocket } from 'ws';
import type { InvokeResult } from '../runtime/function-host';
import type { ConnectionInfo } from './events';
import type { WebSocketApiSpec } from './websocket-apis';

export interface GatewayScope {
  api: WebSocketApiSpec;
  invoke: (functionLogicalId: string, event: unknown, requestId: string) => Promise<InvokeResult>;
  region: string;
  accountId: string;
  log: (line: string) => void;
}

export interface OpenConnection {
  info: ConnectionInfo;
  socket: WebSocket;
  lastActiveAt: number;
  timers: NodeJS.Timeout[];
}

/** A function's JSON result; undefined when it is not JSON. */
export function payloadOf(result: InvokeResult): unknown {
  try {
    return JSON.parse(result.payload) as unknown;
  } catch {
    return undefined;
  }
}
