import type { StoredMessage } from './message';

/** Where sent messages wait for the worker. */
export interface MessageQueue {
  enqueue(message: StoredMessage): Promise<void>;
}
