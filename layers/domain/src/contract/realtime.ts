// The WebSocket protocol (docs/api.md, "Real time"): JSON text frames both
// ways, described as schemas in the document and an `x-websocket` extension
// that says where they travel.
import * as z from 'zod';
import type { ServerFrame } from '../realtime/frames';
import { TypingFrameSchema } from '../realtime/frames';
import { describes } from './same-shape';
import { MessageSchema } from './resources';

export const PingFrameSchema = z.object({ action: z.literal('ping') }).meta({ id: 'PingFrame' });
export const TypingFrame = TypingFrameSchema.meta({ id: 'TypingFrame' });

export const ClientFrameSchema = z.union([PingFrameSchema, TypingFrame]).meta({
  id: 'ClientFrame',
  description: 'Client → server, routed by `action`',
  unusedIO: 'input',
});

export const ServerFrameSchema = describes<ServerFrame>()(
  z
    .discriminatedUnion('type', [
      z.object({ type: z.literal('message'), message: MessageSchema }),
      z.object({ type: z.literal('typing'), from: z.string() }),
      z.object({ type: z.literal('pong') }),
      z.object({ type: z.literal('error'), title: z.string(), detail: z.string() }),
    ])
    .meta({ id: 'ServerFrame', description: 'Server → client', unusedIO: 'output' }),
);

/** The extension: where frames travel and which schema each direction follows. */
export const webSocketExtension = {
  url: 'The `WebSocketUrl` output, e.g. `wss://<api-id>.execute-api.<region>.amazonaws.com/<StageName>`',
  connect: {
    query: { token: 'A Cognito ID or access token, URL-encoded' },
    answers: { '101': 'connected', '401': 'no valid token', '403': 'account being deleted' },
  },
  limits: { frameBytes: 131_072, idleSeconds: 600, lifetimeSeconds: 7_200 },
  clientFrames: { $ref: '#/components/schemas/ClientFrame' },
  serverFrames: { $ref: '#/components/schemas/ServerFrame' },
};
