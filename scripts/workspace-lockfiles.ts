// Writes <workspace>/package-lock.json for the layer and every function from
// the versions of the root package-lock.json, so that `sam build`, which
// installs each of them in a copy of its folder, bundles the versions the
// tests ran with. Run after `npm install` (and `npm run lockfile:complete`).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { lockedSubset, versionsNotInRoot } from './lockfiles/locked-subset';
import type { Lockfile, Manifest } from './lockfiles/locked-subset';

const readJson = <T>(path: string): T => JSON.parse(readFileSync(path, 'utf8')) as T;
const writeJson = (path: string, value: unknown) =>
  writeFileSync(path, `${JSON.stringify(value, null, 2)}\n`);

/** The workspace folders the root lockfile knows (layers/domain, functions/...). */
function workspacePaths(root: Lockfile): string[] {
  return Object.keys(root.packages).filter(
    (path) => path !== '' && !path.includes('node_modules/'),
  );
}

/**
 * npm settles the subset into a lockfile of its own (dependency flags, no
 * extraneous entries) in a scratch copy; every version must still be the root's.
 */
function settledLockfile(root: Lockfile, workspacePath: string): Lockfile {
  const manifest = readJson<Manifest>(join(workspacePath, 'package.json'));
  const scratch = mkdtempSync(join(tmpdir(), 'workspace-lockfile-'));
  try {
    writeJson(join(scratch, 'package.json'), manifest);
    writeJson(join(scratch, 'package-lock.json'), lockedSubset(root, workspacePath, manifest));
    execFileSync(
      'npm',
      ['install', '--package-lock-only', '--ignore-scripts', '--no-audit', '--no-fund'],
      { cwd: scratch, stdio: ['ignore', 'ignore', 'inherit'] },
    );
    const settled = readJson<Lockfile>(join(scratch, 'package-lock.json'));
    const drifted = versionsNotInRoot(settled, root);
    if (drifted.length > 0) {
      throw new Error(
        `${workspacePath}: npm chose versions the root lockfile lacks: ${drifted.join(', ')}`,
      );
    }
    return settled;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

const root = readJson<Lockfile>('package-lock.json');
for (const workspacePath of workspacePaths(root)) {
  writeJson(join(workspacePath, 'package-lock.json'), settledLockfile(root, workspacePath));
  console.log(`${workspacePath}/package-lock.json`);
}
