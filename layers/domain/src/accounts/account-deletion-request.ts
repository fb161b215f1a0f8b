import * as z from 'zod';

/** The event AccountDeletionFunction receives. */
export const AccountDeletionRequestSchema = z.object({ userId: z.string().min(1) });
export type AccountDeletionRequest = z.output<typeof AccountDeletionRequestSchema>;

export function parseAccountDeletionRequest(event: unknown): AccountDeletionRequest {
  const parsed = AccountDeletionRequestSchema.safeParse(event);
  // Not a ValidationError: this is a broken invocation, not a client's mistake.
  if (!parsed.success) throw new Error('Account deletion event must be {"userId": string}');
  return parsed.data;
}
