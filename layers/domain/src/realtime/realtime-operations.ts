import { logger } from '../observability';
import { newConnection } from './connection';
import type { ConnectionMessenger } from './connection-messenger';
import type { ConnectionStore } from './connection-store';
import { TypingFrameSchema, type ServerFrame } from './frames';

export interface FanOut {
  sent: number;
  /** Connections that were gone (410) and have been removed. */
  gone: number;
  failed: number;
}

/** What connecting asks of accounts (ActiveAccounts answers it). */
export interface ConnectingAccounts {
  /** False for an account that is being, or has been, erased. */
  isActive(userId: string): Promise<boolean>;
}

export interface RealtimeOptions {
  /** Refuses connections of accounts being or already erased; without it every user may connect. */
  accounts?: ConnectingAccounts;
  now?: () => Date;
}

/** What the WebSocket routes, the message worker and account deletion do with connections. */
export class RealtimeOperations {
  private readonly now: () => Date;

  constructor(
    private readonly connections: ConnectionStore,
    private readonly messenger: ConnectionMessenger,
    private readonly options: RealtimeOptions = {},
  ) {
    this.now = options.now ?? (() => new Date());
  }

  /**
   * `$connect`, after the authorizer accepted the user's token. An erased
   * account's ID token stays valid until it expires, so the account itself is
   * checked: `refused` becomes a 403 that API Gateway answers the upgrade with.
   */
  async connect(connectionId: string, userId: string): Promise<'connected' | 'refused'> {
    if (this.options.accounts && !(await this.options.accounts.isActive(userId))) {
      return 'refused';
    }
    await this.connections.put(newConnection(connectionId, userId, this.now()));
    return 'connected';
  }

  /** `$disconnect`: best effort on AWS, so the TTL is the backstop. */
  async disconnect(connectionId: string): Promise<void> {
    await this.connections.remove(connectionId);
  }

  async ping(connectionId: string): Promise<void> {
    await this.sendTo(connectionId, { type: 'pong' });
  }

  /** `{"action":"typing","to":userId}` → `{"type":"typing","from":sender}` on the peer's connections only. */
  async relayTyping(connectionId: string, from: string, body: unknown): Promise<void> {
    const frame = TypingFrameSchema.safeParse(body);
    if (!frame.success) {
      await this.rejectFrame(connectionId, 'A typing frame is {"action":"typing","to":userId}.');
      return;
    }
    if (frame.data.to === from) return;
    await this.sendToUser(frame.data.to, { type: 'typing', from });
  }

  /** `$default`: a frame whose action is unknown, or that is not JSON. */
  async rejectFrame(connectionId: string, detail: string): Promise<void> {
    await this.sendTo(connectionId, { type: 'error', title: 'Unsupported frame', detail });
  }

  /**
   * Sends a frame to every open connection of a user. A connection that is
   * gone is removed; other failures are logged, not thrown: real time is best
   * effort (the message is stored and pushed either way), and failing would
   * make a retry send duplicates to the connections that did get it.
   */
  async sendToUser(userId: string, frame: ServerFrame): Promise<FanOut> {
    const targets = await this.connections.listByUser(userId, this.now());
    const outcomes = await Promise.allSettled(
      targets.map((target) => this.sendTo(target.connectionId, frame)),
    );
    const fanOut: FanOut = { sent: 0, gone: 0, failed: 0 };
    for (const [index, outcome] of outcomes.entries()) {
      if (outcome.status === 'fulfilled') {
        fanOut[outcome.value] += 1;
      } else {
        fanOut.failed += 1;
        logger.warn('Could not send to a connection', {
          connectionId: targets[index]?.connectionId,
          error: outcome.reason as Error,
        });
      }
    }
    return fanOut;
  }

  /**
   * Closes and forgets every connection of a user (account deletion). The
   * records go after the sockets are closed, so a retry after a failed close
   * still finds them.
   */
  async disconnectUser(userId: string): Promise<void> {
    const open = await this.connections.listByUser(userId, this.now());
    await Promise.all(open.map(({ connectionId }) => this.messenger.disconnect(connectionId)));
    await this.connections.removeAllByUser(userId);
  }

  private async sendTo(connectionId: string, frame: ServerFrame): Promise<'sent' | 'gone'> {
    const outcome = await this.messenger.send(connectionId, frame);
    if (outcome === 'gone') await this.connections.remove(connectionId);
    return outcome === 'gone' ? 'gone' : 'sent';
  }
}
