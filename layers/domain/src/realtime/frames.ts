import * as z from 'zod';
import type { StoredMessage } from '../messaging/message';

// The WebSocket protocol of docs/api.md ("Real time"): JSON text frames both ways.

/** Server → client. */
export type ServerFrame =
  | { type: 'message'; message: StoredMessage }
  | { type: 'typing'; from: string }
  | { type: 'pong' }
  | { type: 'error'; title: string; detail: string };

/** Client → server, by `action` (the API's route selection expression). */
export const TypingFrameSchema = z.object({
  action: z.literal('typing'),
  to: z.string().min(1).max(128),
});
export type TypingFrame = z.infer<typeof TypingFrameSchema>;
