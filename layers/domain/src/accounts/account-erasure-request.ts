import * as z from 'zod';

// What AccountErasureStateMachine's Task states send AccountDeletionFunction:
// one bounded step of an erasure each (statemachines/account-erasure.asl.json).

const userId = z.string().min(1);

export const AccountErasureRequestSchema = z.discriminatedUnion('action', [
  z.object({ action: z.literal('check'), userId }),
  z.object({ action: z.literal('items'), userId }),
  z.object({ action: z.literal('media'), userId }),
  z.object({ action: z.literal('devices'), userId }),
  z.object({ action: z.literal('conversations'), userId }),
  z.object({
    action: z.literal('conversation'),
    userId,
    peerId: z.string().min(1),
    after: z.string().min(1).optional(),
  }),
  z.object({ action: z.literal('connections'), userId }),
  z.object({ action: z.literal('identity'), userId }),
  z.object({ action: z.literal('profile'), userId }),
]);
export type AccountErasureRequest = z.output<typeof AccountErasureRequestSchema>;

export function parseAccountErasureRequest(event: unknown): AccountErasureRequest {
  const parsed = AccountErasureRequestSchema.safeParse(event);
  // Not a ValidationError: this is a broken state machine definition, not a client's mistake.
  if (!parsed.success) {
    throw new Error(
      'Account erasure event must be {"action": <an erasure step>, "userId": string}',
    );
  }
  return parsed.data;
}
