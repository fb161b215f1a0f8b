// The passwords cognito-local keeps, read-only. SRP needs the password's
// verifier, which no Cognito operation gives out, and cognito-local keeps each
// pool's users, password included, in <state>/.cognito/db/<poolId>.json (its
// StormDB data store). The front only reads it; cognito-local alone writes it.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

export interface StoredPasswords {
  /** The password of the user cognito-local names `username` (not an alias); undefined when none. */
  passwordOf(poolId: string, username: string): Promise<string | undefined>;
}

interface PoolFile {
  Users?: Record<string, { Password?: unknown }>;
}

/** cognito-local rewrites the file in place: a read can meet it half written, and tries again. */
const READ_TRIES = 5;
const RETRY_DELAY_MS = 20;

/** The passwords in the state directory of a cognito-local (its working directory). */
export function storedPasswordsIn(stateDir: string): StoredPasswords {
  return {
    async passwordOf(poolId, username) {
      if (!/^[\w-]+$/.test(poolId)) return undefined;
      const pool = await readPoolFile(join(stateDir, '.cognito', 'db', `${poolId}.json`));
      const password = pool?.Users?.[username]?.Password;
      return typeof password === 'string' ? password : undefined;
    },
  };
}

async function readPoolFile(path: string): Promise<PoolFile | undefined> {
  for (let attempt = 1; ; attempt++) {
    try {
      return JSON.parse(await readFile(path, 'utf8')) as PoolFile;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      if (attempt >= READ_TRIES) throw error;
      await new Promise((done) => setTimeout(done, RETRY_DELAY_MS));
    }
  }
}
