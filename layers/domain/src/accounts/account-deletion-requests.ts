/** Hands an account over to the asynchronous eraser. */
export interface AccountDeletionRequests {
  request(userId: string): Promise<void>;
}
