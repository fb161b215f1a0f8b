import type { Connection } from './connection';

/** Where open connections are kept, per connection and per user. */
export interface ConnectionStore {
  put(connection: Connection): Promise<void>;
  /** Idempotent: removing a connection that is not there is not an error. */
  remove(connectionId: string): Promise<void>;
  /** The user's connections, without those whose lifetime is over. */
  listByUser(userId: string, now?: Date): Promise<Connection[]>;
  /** Removes every connection of the user; returns their ids. */
  removeAllByUser(userId: string): Promise<string[]>;
}
