import { connectRealtime } from '../../../client/src/realtime';

/** A stand-in for the platform's WebSocket: the test opens, closes and reads each one. */
class FakeSocket {
  static readonly OPEN = 1;
  static created: FakeSocket[] = [];
  readyState = 0;
  sent: string[] = [];
  onopen: (() => void) | null = null;
  onmessage: ((event: { data: string }) => void) | null = null;
  onclose: (() => void) | null = null;

  constructor(readonly url: string) {
    FakeSocket.created.push(this);
  }

  send(data: string) {
    this.sent.push(data);
  }

  open() {
    this.readyState = FakeSocket.OPEN;
    this.onopen?.();
  }

  drop() {
    this.readyState = 3;
    this.onclose?.();
  }

  close() {
    this.drop();
  }
}

const settle = () => new Promise((done) => setTimeout(done, 20));

beforeEach(() => {
  FakeSocket.created = [];
});

function connect(tokens: string[]) {
  return connectRealtime({
    url: 'ws://gateway/stage',
    token: async () => tokens.shift(),
    reconnect: { baseDelayMs: 5, maxDelayMs: 5 },
    pingIntervalMs: 10,
    WebSocket: FakeSocket as unknown as typeof WebSocket,
  });
}

describe('the realtime connection', () => {
  it('connects with the token in the query and hands on the frames it receives', async () => {
    const connection = connect(['id.token']);
    const frames: unknown[] = [];
    connection.onFrame((frame) => frames.push(frame));
    await settle();

    FakeSocket.created[0]?.open();
    FakeSocket.created[0]?.onmessage?.({ data: '{"type":"typing","from":"peer"}' });

    expect(FakeSocket.created[0]?.url).toBe('ws://gateway/stage?token=id.token');
    expect(frames).toEqual([{ type: 'typing', from: 'peer' }]);
    connection.close();
  });

  it('hands on a message once when its frame comes again, on the same or the next connection', async () => {
    const connection = connect(['first', 'second']);
    const ids: string[] = [];
    connection.onFrame((frame) => {
      if (frame.type === 'message') ids.push(frame.message.messageId);
    });
    const frameOf = (messageId: string) =>
      JSON.stringify({
        type: 'message',
        message: {
          messageId,
          from: 'peer',
          to: 'me',
          text: 'hi',
          sentAt: '2026-01-31T09:30:00.000Z',
        },
      });
    await settle();
    FakeSocket.created[0]?.open();

    try {
      FakeSocket.created[0]?.onmessage?.({ data: frameOf('A') });
      FakeSocket.created[0]?.onmessage?.({ data: frameOf('A') });
      FakeSocket.created[0]?.onmessage?.({ data: frameOf('B') });
      FakeSocket.created[0]?.drop();
      await settle();
      FakeSocket.created[1]?.open();
      FakeSocket.created[1]?.onmessage?.({ data: frameOf('B') });
      FakeSocket.created[1]?.onmessage?.({ data: frameOf('C') });

      expect(ids).toEqual(['A', 'B', 'C']);
    } finally {
      connection.close();
    }
  });

  it('reconnects with a fresh token after the connection drops', async () => {
    const connection = connect(['first', 'second']);
    await settle();
    FakeSocket.created[0]?.open();

    FakeSocket.created[0]?.drop();
    await settle();
    FakeSocket.created[1]?.open();
    await connection.opened();

    expect(FakeSocket.created.map((socket) => socket.url)).toEqual([
      'ws://gateway/stage?token=first',
      'ws://gateway/stage?token=second',
    ]);
    expect(connection.state).toBe('open');
    connection.close();
  });

  it('pings while open, and sends typing frames to a peer', async () => {
    const connection = connect(['token']);
    await settle();
    FakeSocket.created[0]?.open();

    const typed = connection.typing('peer-sub');
    await settle();

    expect(typed).toBe(true);
    expect(FakeSocket.created[0]?.sent).toContain('{"action":"typing","to":"peer-sub"}');
    expect(FakeSocket.created[0]?.sent).toContain('{"action":"ping"}');
    connection.close();
  });

  it('stays closed after close(), and refuses to send', async () => {
    const connection = connect(['token', 'again']);
    await settle();
    FakeSocket.created[0]?.open();

    connection.close();
    await settle();

    expect(FakeSocket.created).toHaveLength(1);
    expect(connection.state).toBe('closed');
    expect(connection.typing('peer')).toBe(false);
  });
});
