import WebSocket from 'ws';
import { serverFrameProblems } from './contract';
import { sandboxOutputs } from './outputs';

export interface Frame {
  type?: string;
  [field: string]: unknown;
}

/** A real WebSocket client of the sandbox's WebSocket API, keeping every frame it receives. */
export interface LiveClient {
  socket: WebSocket;
  frames: Frame[];
  /** Resolves with the first frame (already received or coming) that matches. */
  nextFrame(matches: (frame: Frame) => boolean, ms?: number): Promise<Frame>;
  send(frame: unknown): void;
  closed: Promise<{ code: number; reason: string }>;
  close(): Promise<void>;
}

export function webSocketUrl(token?: string): string {
  const base = sandboxOutputs().WebSocketUrl as string;
  return token === undefined ? base : `${base}?token=${encodeURIComponent(token)}`;
}

export async function connect(token: string): Promise<LiveClient> {
  const socket = new WebSocket(webSocketUrl(token));
  const frames: Frame[] = [];
  const waiters: { matches: (frame: Frame) => boolean; done: (frame: Frame) => void }[] = [];
  // Frames that break docs/openapi.json's ServerFrame: they fail the next wait and the close.
  const violations: string[] = [];
  const assertNoViolations = () => {
    if (violations.length > 0)
      throw new Error(`Frames break the contract:\n${violations.join('\n')}`);
  };
  socket.on('message', (data) => {
    const frame = JSON.parse(data.toString()) as Frame;
    violations.push(...serverFrameProblems(frame));
    frames.push(frame);
    for (const waiter of waiters.filter((w) => w.matches(frame))) {
      waiters.splice(waiters.indexOf(waiter), 1);
      waiter.done(frame);
    }
  });
  const closed = new Promise<{ code: number; reason: string }>((done) =>
    socket.once('close', (code, reason) => done({ code, reason: reason.toString() })),
  );
  await new Promise<void>((done, fail) => {
    socket.once('open', () => done());
    socket.once('error', fail);
  });
  return {
    socket,
    frames,
    closed,
    send: (frame) => socket.send(typeof frame === 'string' ? frame : JSON.stringify(frame)),
    nextFrame(matches, ms = 5000) {
      assertNoViolations();
      const seen = frames.find(matches);
      if (seen) return Promise.resolve(seen);
      return new Promise((done, fail) => {
        const timer = setTimeout(
          () => fail(new Error(`no matching frame within ${ms} ms; got ${JSON.stringify(frames)}`)),
          ms,
        );
        waiters.push({
          matches,
          done: (frame) => {
            clearTimeout(timer);
            done(frame);
          },
        });
      });
    },
    async close() {
      if (socket.readyState === WebSocket.OPEN) socket.close(1000);
      await closed;
      assertNoViolations();
    },
  };
}

/** The HTTP status with which the gateway refuses an upgrade, or 101 when it accepts it. */
export async function upgradeStatus(url: string): Promise<number> {
  const socket = new WebSocket(url);
  return new Promise((done, fail) => {
    socket.once('unexpected-response', (_request, response) => {
      done(response.statusCode ?? 0);
      socket.terminate();
    });
    socket.once('open', () => {
      done(101);
      socket.close();
    });
    socket.once('error', (error) => {
      if (!error.message.startsWith('Unexpected server response')) fail(error);
    });
  });
}
