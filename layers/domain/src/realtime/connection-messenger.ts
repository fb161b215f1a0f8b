import type { ServerFrame } from './frames';

/** `gone`: the connection no longer exists (API Gateway answered 410). */
export type SendOutcome = 'sent' | 'gone';

/** Sends frames to, and closes, open connections (API Gateway's `@connections` API). */
export interface ConnectionMessenger {
  send(connectionId: string, frame: ServerFrame): Promise<SendOutcome>;
  /** Closes the connection; a connection already gone is not an error. */
  disconnect(connectionId: string): Promise<void>;
}
