// What `npm start` runs first: the check of the kept sandbox bundle, itself
// from that bundle's build (plain JavaScript beside main.mjs, covered by the
// same record), so that a warm start needs no TypeScript loader at all. Only
// when the record says something changed (this check's own modules included)
// does start.mjs load the check through tsx, which builds the bundle again.
import { recordFile, reusableSources } from '../runtime/build-record';
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
