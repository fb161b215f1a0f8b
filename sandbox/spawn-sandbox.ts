import { spawn } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, readFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { SANDBOX_SERVICES } from './services/table';

export interface SandboxProcess {
  /** The sandbox's own process; its services' processes are its children. */
  pid: number;
  outputsFile: string;
  logFile: string;
  stop(): Promise<void>;
}

// jest compiles global setup files to CommonJS, where import.meta is missing:
// tests and benchmarks run from the project root, as npm scripts do.
const projectRoot = process.cwd();

/**
 * Starts the sandbox in its own process, as `npm start` does (its kept
 * bundle, through `sandbox/start.mjs`), but in memory and on free ports: for
 * tests and benchmarks, which must not share an event loop with the sandbox
 * they measure, and which should run what users run.
 */
export interface SandboxProcessOptions {
  /** Data kept in the state directory, as `npm start` keeps it. */
  persistent?: boolean;
  /** The caller's state directory, left as the sandbox leaves it (to start again on it); a new one by default. */
  stateDir?: string;
}

export async function startSandboxProcess(
  extraArgs: string[] = [],
  options: SandboxProcessOptions = {},
): Promise<SandboxProcess> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await startOnce(extraArgs, options);
    } catch (error) {
      if (attempt >= START_ATTEMPTS || !lostAFreePort(error)) throw error;
    }
  }
}

// The sandbox picks each free port a moment before it listens on it; another
// sandbox starting at the same time (parallel test files) can take it in
// between. That start failed for the port, not for the code: start again.
const START_ATTEMPTS = 3;
export const lostAFreePort = (error: unknown) =>
  error instanceof Error && /port \d+ on [^ ]+ is already in use/.test(error.message);

async function startOnce(
  extraArgs: string[],
  options: SandboxProcessOptions,
): Promise<SandboxProcess> {
  const stateDir = options.stateDir ?? mkdtempSync(join(tmpdir(), 'mobile-backend-sandbox-'));
  const outputsFile = join(stateDir, 'outputs.json');
  const logFile = join(stateDir, 'sandbox.log');
  // The sandbox writes its output into the file itself: through a pipe, this
  // process read and wrote every line, one access line per request, which
  // took CPU from the load a benchmark generates here.
  const log = openSync(logFile, 'a');
  const storage = options.persistent ? [] : ['--in-memory'];
  const args = ['sandbox/start.mjs', ...storage, '--state-dir', stateDir];
  for (const { port } of SANDBOX_SERVICES) {
    if (port) args.push(`--${port.flag}`, '0');
  }
  const child = spawn(process.execPath, [...args, ...extraArgs], {
    cwd: projectRoot,
    stdio: ['ignore', log, log],
    env: { ...process.env, FORCE_COLOR: '0' },
  });
  closeSync(log);
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));

  const stop = async (): Promise<void> => {
    if (child.exitCode === null) child.kill('SIGTERM');
    // An unref'd timer: a stopped sandbox must not keep the caller alive for 10 s.
    await Promise.race([exited, sleep(10_000, undefined, { ref: false })]);
    if (child.exitCode === null) child.kill('SIGKILL');
    if (!options.stateDir) await removeStateDir(stateDir);
  };

  const deadline = Date.now() + 90_000;
  while (!existsSync(outputsFile)) {
    if (child.exitCode !== null || Date.now() > deadline) {
      const output = readFileSync(logFile, 'utf8');
      await stop();
      throw new Error(`The sandbox did not start:\n${output}`);
    }
    await sleep(100);
  }
  return { pid: child.pid ?? 0, outputsFile, logFile, stop };
}

/**
 * A stopped test sandbox leaves nothing behind (its builds and data are tens
 * of megabytes, once per test file and run), unless SANDBOX_KEEP_STATE=true
 * keeps the directory, logs included, to look into a failure.
 */
async function removeStateDir(stateDir: string): Promise<void> {
  if (process.env.SANDBOX_KEEP_STATE === 'true') return;
  // The sandbox's children (DynamoDB Local's JVM) may still be letting go of their files.
  await rm(stateDir, { recursive: true, force: true, maxRetries: 3, retryDelay: 200 });
}
