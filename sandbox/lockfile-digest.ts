// The digest of the project's lockfile, which pins every package the sandbox
// relies on (the YAML parser, the state machine validator): caches kept between
// starts are keyed by it. Hashed again only when its size or modification
// time changed (it is over 500 KB).
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const digests = new Map<string, { stat: string; digest: string }>();

/** Undefined when there is no lockfile: then nothing says a kept result still holds. */
export function lockfileDigest(
  lockfile = join(process.cwd(), 'package-lock.json'),
): string | undefined {
  try {
    const { size, mtimeMs } = statSync(lockfile);
    const stat = `${size}:${mtimeMs}`;
    const known = digests.get(lockfile);
    if (known?.stat === stat) return known.digest;
    const digest = createHash('sha256').update(readFileSync(lockfile)).digest('base64url');
    digests.set(lockfile, { stat, digest });
    return digest;
  } catch {
    return undefined;
  }
}
