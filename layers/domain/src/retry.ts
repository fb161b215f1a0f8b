import { ConflictError, StaleVersionError } from './errors';

/**
 * Runs a read-modify-write; if it loses a race to another writer, runs it once
 * more on fresh data, then gives up with 409. Re-running also re-checks any
 * If-Match, so a client whose version is really stale gets 412, not 409.
 */
export async function withOneRetryOnStaleVersion<T>(
  write: () => Promise<T>,
  conflictMessage: string,
): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (!(error instanceof StaleVersionError)) throw error;
  }
  try {
    return await write();
  } catch (error) {
    if (!(error instanceof StaleVersionError)) throw error;
    throw new ConflictError(conflictMessage);
  }
}
