// What `npm start` runs first: the check of the kept sandbox bundle, itself
// from that bundle's build (plain JavaScript beside main.mjs, covered by the
// same record), so that a warm start needs no TypeScript loader at all. Only
// when the record says something changed (this check's own modules included)
// does start.mjs load the check through tsx, which builds the bundle again.
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { keepCompiledModules } from '../compile-cache';
import { recordFile, reusableSources } from '../runtime/build-record';
import { DEFAULT_STATE_DIR } from '../services/directories';
import {
  keptBundlePaths,
  keptBundleRecordId,
  SANDBOX_ENTRIES,
  sandboxBundleOptions,
} from './kept-bundle';

/** The kept bundle's `main`, when nothing it was built from changed; undefined otherwise. */
export async function currentSandboxBundle(
  projectDir: string,
  entries: Readonly<Record<string, string>> = SANDBOX_ENTRIES,
): Promise<string | undefined> {
  const { recordDir, main } = keptBundlePaths(projectDir);
  const current = await reusableSources(
    recordFile(recordDir, keptBundleRecordId),
    sandboxBundleOptions(projectDir, entries),
  );
  return current ? main : undefined;
}

/**
 * Node's compile cache on from here, in the state directory the command line
 * names (where the sandbox turns it on itself), so that the bundle's own
 * modules are kept compiled too, not only what it loads later.
 */
export function keepCompiledModulesOfStart(args: string[]): void {
  const { values } = parseArgs({
    args,
    options: { 'state-dir': { type: 'string' } },
    strict: false,
    allowPositionals: true,
  });
  const stateDir = values['state-dir'];
  keepCompiledModules(resolve(typeof stateDir === 'string' ? stateDir : DEFAULT_STATE_DIR));
}
