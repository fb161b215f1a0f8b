/** Hands an account over to the erasure workflow. */
export interface AccountDeletionRequests {
  request(userId: string): Promise<void>;
}
