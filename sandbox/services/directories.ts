// Where a start keeps what it writes, from the options alone: `npm start`
// knows DynamoDB Local's data directory before it loads the rest.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { SandboxDirectories, SandboxOptions } from './contract';
import type { Shutdown } from './shutdown';

type StateOptions = Pick<SandboxOptions, 'stateDir' | 'inMemory'>;

/** `--state-dir` when the command line gives none. */
export const DEFAULT_STATE_DIR = '.sandbox';

/** The data directory when data survives a restart; undefined with --in-memory. */
export function persistentDataDir(options: StateOptions): string | undefined {
  return options.inMemory ? undefined : join(resolve(options.stateDir), 'data');
}

/**
 * Where DynamoDB Local's compiled loopback launcher and its class data
 * archive are kept between starts: beside the project's packages, like the
 * sandbox's bundle, so that every state directory (each test's, a fresh one)
 * maps the same archive, which the JVM checks against its class path.
 */
export function keptLauncherDir(projectDir: string = process.cwd()): string {
  return join(projectDir, 'node_modules', '.cache', 'mobile-backend-sandbox', 'dynamodb-launcher');
}

export function prepareDirectories(
  options: SandboxOptions,
  shutdown: Shutdown,
): SandboxDirectories {
  const state = resolve(options.stateDir);
  mkdirSync(state, { recursive: true });
  const persistentData = persistentDataDir(options);
  const data = persistentData ?? mkdtempSync(join(tmpdir(), 'mobile-backend-data-'));
  if (options.inMemory) {
    shutdown.add('in-memory data', async () => rmSync(data, { recursive: true, force: true }));
  }
  // Always kept whole; the console shows readable lines unless quiet.
  const functionLogFile = join(state, 'logs', 'functions.log');
  mkdirSync(join(state, 'logs'), { recursive: true });
  return { state, data, persistentData, build: join(state, 'build'), functionLogFile };
}
