import * as z from 'zod';
import { parseWith } from '../validation';

/** A message as the worker stores it and as `GET /v1/conversations/{peerId}/messages` serves it. */
export interface StoredMessage {
  messageId: string;
  from: string;
  to: string;
  text: string;
  sentAt: string;
}

/** `POST /v1/messages`. */
export const SendMessageSchema = z.strictObject({
  to: z.string().trim().min(1).max(128),
  text: z.string().min(1).max(2000),
});
export type SendMessageRequest = z.output<typeof SendMessageSchema>;

/** What travels on the message queue: the message exactly as it will be stored. */
export const QueuedMessageSchema = z.strictObject({
  messageId: z.string().min(1),
  from: z.string().min(1),
  to: z.string().min(1),
  text: z.string().min(1).max(2000),
  sentAt: z.iso.datetime(),
});

export function parseSendMessage(input: unknown): SendMessageRequest {
  return parseWith(SendMessageSchema, input);
}

/** A queue body that is not a message is a poison message: it throws, and the queue's redrive moves it aside. */
export function parseQueuedMessage(body: string): StoredMessage {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    throw new Error('The queued message is not JSON');
  }
  const parsed = QueuedMessageSchema.safeParse(json);
  if (!parsed.success) throw new Error('The queued message is not a message');
  return parsed.data;
}

/** Both users' ids, sorted, so that A→B and B→A share one conversation. */
export function conversationIdOf(userA: string, userB: string): string {
  return [userA, userB].sort().join('#');
}
