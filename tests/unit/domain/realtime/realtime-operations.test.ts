import type { Connection } from '../../../../layers/domain/src/realtime/connection';
import type {
  ConnectionMessenger,
  SendOutcome,
} from '../../../../layers/domain/src/realtime/connection-messenger';
import type { ConnectionStore } from '../../../../layers/domain/src/realtime/connection-store';
import type { ServerFrame } from '../../../../layers/domain/src/realtime/frames';
import { RealtimeOperations } from '../../../../layers/domain/src/realtime/realtime-operations';
import { WebSocketDelivery } from '../../../../layers/domain/src/realtime/websocket-delivery';

class InMemoryConnections implements ConnectionStore {
  readonly records = new Map<string, Connection>();
  async put(connection: Connection) {
    this.records.set(connection.connectionId, connection);
  }
  async remove(connectionId: string) {
    this.records.delete(connectionId);
  }
  async listByUser(userId: string, now = new Date()) {
    return [...this.records.values()].filter(
      (c) => c.userId === userId && c.expiresAt > now.getTime() / 1000,
    );
  }
  async removeAllByUser(userId: string) {
    const ids = (await this.listByUser(userId, new Date(0))).map((c) => c.connectionId);
    for (const id of ids) this.records.delete(id);
    return ids;
  }
}

class RecordingMessenger implements ConnectionMessenger {
  readonly sent: { connectionId: string; frame: ServerFrame }[] = [];
  readonly disconnected: string[] = [];
  gone = new Set<string>();
  failing = new Set<string>();
  async send(connectionId: string, frame: ServerFrame): Promise<SendOutcome> {
    if (this.failing.has(connectionId)) throw new Error('throttled');
    if (this.gone.has(connectionId)) return 'gone';
    this.sent.push({ connectionId, frame });
    return 'sent';
  }
  async disconnect(connectionId: string) {
    if (this.failing.has(connectionId)) throw new Error('throttled');
    this.disconnected.push(connectionId);
  }
}

const now = new Date('2025-01-01T10:00:00Z');
let connections: InMemoryConnections;
let messenger: RecordingMessenger;
let realtime: RealtimeOperations;

beforeEach(() => {
  connections = new InMemoryConnections();
  messenger = new RecordingMessenger();
  realtime = new RealtimeOperations(connections, messenger, { now: () => now });
});

const message = {
  messageId: 'm1',
  from: 'alice',
  to: 'bob',
  text: 'hi',
  sentAt: now.toISOString(),
};

describe('RealtimeOperations', () => {
  it('records a connection that expires after 2 hours', async () => {
    await realtime.connect('c1', 'bob');

    expect(connections.records.get('c1')).toEqual({
      connectionId: 'c1',
      userId: 'bob',
      connectedAt: now.toISOString(),
      expiresAt: now.getTime() / 1000 + 7200,
    });
  });

  it('forgets a connection on disconnect', async () => {
    await realtime.connect('c1', 'bob');

    await realtime.disconnect('c1');

    expect(connections.records.size).toBe(0);
  });

  it('answers ping with pong on the same connection', async () => {
    await realtime.ping('c1');

    expect(messenger.sent).toEqual([{ connectionId: 'c1', frame: { type: 'pong' } }]);
  });

  it('relays typing to every connection of the peer and none of the sender', async () => {
    await realtime.connect('a1', 'alice');
    await realtime.connect('b1', 'bob');
    await realtime.connect('b2', 'bob');

    await realtime.relayTyping('a1', 'alice', { action: 'typing', to: 'bob' });

    expect(messenger.sent).toEqual([
      { connectionId: 'b1', frame: { type: 'typing', from: 'alice' } },
      { connectionId: 'b2', frame: { type: 'typing', from: 'alice' } },
    ]);
  });

  it('answers a typing frame without a peer with an error frame', async () => {
    await realtime.relayTyping('a1', 'alice', { action: 'typing' });

    expect(messenger.sent).toEqual([
      { connectionId: 'a1', frame: expect.objectContaining({ type: 'error' }) },
    ]);
  });

  it('removes a connection that is gone and counts it', async () => {
    await realtime.connect('b1', 'bob');
    await realtime.connect('b2', 'bob');
    messenger.gone.add('b2');

    const fanOut = await realtime.sendToUser('bob', { type: 'pong' });

    expect(fanOut).toEqual({ sent: 1, gone: 1, failed: 0 });
    expect([...connections.records.keys()]).toEqual(['b1']);
  });

  it('keeps sending to the other connections when one send fails', async () => {
    await realtime.connect('b1', 'bob');
    await realtime.connect('b2', 'bob');
    messenger.failing.add('b1');

    const fanOut = await realtime.sendToUser('bob', { type: 'pong' });

    expect(fanOut).toEqual({ sent: 1, gone: 0, failed: 1 });
    expect(connections.records.size).toBe(2);
  });

  it('refuses to connect an account that is not active, and records nothing', async () => {
    const guarded = new RealtimeOperations(connections, messenger, {
      now: () => now,
      accounts: { isActive: async (userId) => userId !== 'erased' },
    });

    const refused = await guarded.connect('c1', 'erased');
    const accepted = await guarded.connect('c2', 'bob');

    expect([refused, accepted]).toEqual(['refused', 'connected']);
    expect([...connections.records.keys()]).toEqual(['c2']);
  });

  it("keeps a user's connection records when closing one fails, for the retry", async () => {
    await realtime.connect('b1', 'bob');
    messenger.failing.add('b1');

    await expect(realtime.disconnectUser('bob')).rejects.toThrow('throttled');

    expect([...connections.records.keys()]).toEqual(['b1']);
  });

  it('closes and forgets every connection of a user', async () => {
    await realtime.connect('b1', 'bob');
    await realtime.connect('a1', 'alice');

    await realtime.disconnectUser('bob');

    expect(messenger.disconnected).toEqual(['b1']);
    expect([...connections.records.keys()]).toEqual(['a1']);
  });
});

describe('WebSocketDelivery', () => {
  it('sends a message frame to every open connection of the recipient', async () => {
    await realtime.connect('b1', 'bob');
    await realtime.connect('b2', 'bob');
    await realtime.connect('a1', 'alice');

    await new WebSocketDelivery(realtime).deliver(message);

    expect(messenger.sent).toEqual([
      { connectionId: 'b1', frame: { type: 'message', message } },
      { connectionId: 'b2', frame: { type: 'message', message } },
    ]);
  });
});
