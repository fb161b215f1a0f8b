// The WebSocket API as a connection that stays up: it connects with a fresh
// ID token, pings before the gateway's idle timeout, and reconnects with
// backoff and jitter whenever the connection drops (the gateway also closes
// every connection after two hours), until `close()`. A message frame that
// comes again (the backend retries a failed delivery whole) is handed on once.
import { DEFAULT_RETRY_POLICY, retryDelayMs, type RetryPolicy } from './retry';
import type { Schemas } from './typed-routes';

export type ServerFrame = Schemas['ServerFrame'];
export type ClientFrame = Schemas['ClientFrame'];

export interface RealtimeOptions {
  /** The `WebSocketUrl` output. */
  url: string;
  token: () => Promise<string | undefined>;
  /** The gateway closes a connection idle for 10 minutes; a ping well before keeps it. */
  pingIntervalMs?: number;
  /** Backoff between reconnections; `maxAttempts` is ignored (it keeps trying). */
  reconnect?: Partial<RetryPolicy>;
  WebSocket?: typeof WebSocket;
}

export type RealtimeState = 'connecting' | 'open' | 'reconnecting' | 'closed';

// Retries come within minutes: the ids of the last messages are plenty to know one again.
const REMEMBERED_MESSAGES = 1000;

/** False for a message frame whose message was handed on already; remembers the others' ids. */
function firstDelivery(frame: ServerFrame, seen: Set<string>): boolean {
  if (frame.type !== 'message') return true;
  const id = frame.message.messageId;
  if (seen.has(id)) return false;
  seen.add(id);
  if (seen.size > REMEMBERED_MESSAGES) seen.delete(seen.values().next().value as string);
  return true;
}

export interface RealtimeConnection {
  onFrame(listener: (frame: ServerFrame) => void): () => void;
  onState(listener: (state: RealtimeState) => void): () => void;
  /** Sent now if open; false when the connection is down (frames are not queued). */
  send(frame: ClientFrame): boolean;
  typing(to: string): boolean;
  /** Resolves once connected (again). */
  opened(): Promise<void>;
  close(): void;
  readonly state: RealtimeState;
}

export function connectRealtime(options: RealtimeOptions): RealtimeConnection {
  const Socket = options.WebSocket ?? WebSocket;
  const policy = { ...DEFAULT_RETRY_POLICY, ...options.reconnect, maxAttempts: Infinity };
  const frameListeners = new Set<(frame: ServerFrame) => void>();
  const stateListeners = new Set<(state: RealtimeState) => void>();
  let openWaiters: (() => void)[] = [];
  let socket: WebSocket | undefined;
  let state: RealtimeState = 'connecting';
  let failures = 0;
  let pinger: ReturnType<typeof setInterval> | undefined;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  // Across reconnections: a retried delivery may reach the next connection.
  const seenMessages = new Set<string>();

  const setState = (next: RealtimeState) => {
    state = next;
    for (const listener of stateListeners) listener(next);
    if (next === 'open') {
      for (const done of openWaiters) done();
      openWaiters = [];
    }
  };

  const scheduleReconnect = () => {
    clearInterval(pinger);
    if (state === 'closed') return;
    setState('reconnecting');
    failures += 1;
    retryTimer = setTimeout(() => void open(), retryDelayMs(policy, failures, undefined) ?? 0);
  };

  async function open(): Promise<void> {
    const token = await options.token().catch(() => undefined);
    if (state === 'closed') return;
    const url = token ? `${options.url}?token=${encodeURIComponent(token)}` : options.url;
    const current = new Socket(url);
    socket = current;
    current.onopen = () => {
      failures = 0;
      setState('open');
      pinger = setInterval(
        () => connection.send({ action: 'ping' }),
        options.pingIntervalMs ?? 300_000,
      );
    };
    current.onmessage = (event: MessageEvent) => {
      const frame = JSON.parse(String(event.data)) as ServerFrame;
      if (!firstDelivery(frame, seenMessages)) return;
      for (const listener of frameListeners) listener(frame);
    };
    current.onclose = () => {
      if (socket === current) scheduleReconnect();
    };
  }

  const connection: RealtimeConnection = {
    onFrame(listener) {
      frameListeners.add(listener);
      return () => frameListeners.delete(listener);
    },
    onState(listener) {
      stateListeners.add(listener);
      return () => stateListeners.delete(listener);
    },
    send(frame) {
      if (!socket || socket.readyState !== Socket.OPEN) return false;
      socket.send(JSON.stringify(frame));
      return true;
    },
    typing: (to) => connection.send({ action: 'typing', to }),
    opened: () =>
      state === 'open' ? Promise.resolve() : new Promise((done) => openWaiters.push(done)),
    close() {
      setState('closed');
      clearInterval(pinger);
      clearTimeout(retryTimer);
      socket?.close(1000);
    },
    get state() {
      return state;
    },
  };
  void open();
  return connection;
}
