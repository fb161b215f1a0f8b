// asl-validator compiles its JSON schema (ajv) before it checks the first
// definition: a few hundred ms of the main thread on every start. A definition
// an earlier start validated, with the same dependencies (the lockfile), is
// not validated again, as a build that is still current is not built again.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { lockfileDigest } from '../lockfile-digest';
import { writeWholeSync } from '../write-whole';

export interface ValidatedDefinitions {
  /** Whether this definition passed validation in an earlier start with these dependencies. */
  has(definition: unknown): boolean;
  /** Remembers a definition that passed validation, for the next starts. */
  add(definition: unknown): void;
}

function readDigests(recordFile: string): Set<string> {
  try {
    return new Set(JSON.parse(readFileSync(recordFile, 'utf8')) as string[]);
  } catch {
    return new Set();
  }
}

export function validatedDefinitions(
  recordFile: string,
  lockfile = join(process.cwd(), 'package-lock.json'),
): ValidatedDefinitions {
  const dependencies = lockfileDigest(lockfile);
  // Without a lockfile nothing says the validator is the same: validate every time.
  if (dependencies === undefined) return { has: () => false, add: () => undefined };
  const digestOf = (definition: unknown) =>
    createHash('sha256')
      .update(dependencies)
      .update(JSON.stringify(definition))
      .digest('base64url');
  const digests = readDigests(recordFile);
  return {
    has: (definition) => digests.has(digestOf(definition)),
    add(definition) {
      digests.add(digestOf(definition));
      writeWholeSync(recordFile, JSON.stringify([...digests]));
    },
  };
}
