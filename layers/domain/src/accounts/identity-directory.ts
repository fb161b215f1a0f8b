/** The user directory that issues tokens (Cognito). */
export interface IdentityDirectory {
  /** Deletes the user; a user that is already gone counts as deleted. */
  deleteUser(userId: string): Promise<void>;
}
