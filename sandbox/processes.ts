import { spawn } from 'node:child_process';
import type { ChildProcess, SpawnOptions } from 'node:child_process';
import { connect } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';

// Children that must not outlive this process: a JVM keeps running when its Node parent dies.
// SIGTERM lets the JVM run its shutdown hooks; it is sent synchronously, so it works on exit.
const running = new Set<ChildProcess>();
let cleanupInstalled = false;

const EXIT_SIGNALS: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

/** Children this process stopped itself: their exit is no crash to recover from. */
const stoppedHere = new WeakSet<ChildProcess>();

function killAll(): void {
  for (const child of running) {
    stoppedHere.add(child);
    child.kill('SIGTERM');
  }
  running.clear();
}

/**
 * Whether this process stopped the child (stopProcess, or its exit and signal
 * cleanup, which stops every child before the services are stopped in order).
 */
export function wasStoppedHere(child: ChildProcess): boolean {
  return stoppedHere.has(child);
}

function onSignal(signal: NodeJS.Signals): void {
  killAll();
  // Without other listeners, keep the default behaviour of the signal: exit.
  if (process.listenerCount(signal) === 1) {
    process.off(signal, onSignal);
    process.kill(process.pid, signal);
  }
}

function installCleanup(): void {
  if (cleanupInstalled) return;
  cleanupInstalled = true;
  process.on('exit', killAll);
  for (const signal of EXIT_SIGNALS) process.on(signal, onSignal);
}

/** Spawns a child that is killed when this process exits or receives SIGINT/SIGTERM/SIGHUP. */
export function spawnTracked(command: string, args: string[], options: SpawnOptions): ChildProcess {
  installCleanup();
  const child = spawn(command, args, options);
  running.add(child);
  child.once('exit', () => running.delete(child));
  child.once('error', () => running.delete(child));
  return child;
}

/** Stops a child: SIGTERM, then SIGKILL if it has not exited within `graceMs`. */
export async function stopProcess(child: ChildProcess, graceMs = 3000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) {
    running.delete(child);
    return;
  }
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  stoppedHere.add(child);
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
  running.delete(child);
}

/** Keeps the last lines a child printed, to explain why it failed. */
export function captureOutput(
  child: ChildProcess,
  keep = 40,
  onLine?: (line: string) => void,
): () => string {
  const lines: string[] = [];
  const keepLine = (line: string) => {
    if (line.trim() === '') return;
    onLine?.(line);
    lines.push(line);
    if (lines.length > keep) lines.shift();
  };
  // Per stream, since a chunk can end in the middle of a line.
  const collectFrom = () => {
    let pending = '';
    return (chunk: Buffer) => {
      const parts = (pending + chunk.toString('utf8')).split(/\r?\n/);
      pending = parts.pop() ?? '';
      parts.forEach(keepLine);
    };
  };
  child.stdout?.on('data', collectFrom());
  child.stderr?.on('data', collectFrom());
  return () => lines.join('\n');
}

/** How to spawn a child service. */
export interface ChildSpawnOptions {
  /** For messages, e.g. `DynamoDB Local`. */
  name: string;
  command: string;
  args: string[];
  cwd: string;
  env?: NodeJS.ProcessEnv;
  onLog?: (line: string) => void;
  /** Turns a spawn failure (e.g. ENOENT: the command is missing) into a helpful error. */
  explainSpawnError?: (error: NodeJS.ErrnoException) => Error;
}

/** How to tell that a spawned child service answers. */
export interface ChildReadiness {
  name: string;
  /** Resolves once the service answers; called repeatedly until then. */
  probe: () => Promise<unknown>;
  /**
   * The loopback port it listens on: until a connection there is accepted,
   * only the connection is tried, not the probe. A refused connect costs the
   * main thread about 0.09 ms, an SDK request to the refused port about 1.2 ms,
   * and the probe runs every 25 ms while the service boots on the same cores.
   */
  loopbackPort?: number;
  startTimeoutMs?: number;
}

export type ChildServiceOptions = ChildSpawnOptions & ChildReadiness;

/** A tracked child whose start-up failure (spawn error or exit) is caught from the moment it was spawned. */
export interface SpawnedChild {
  child: ChildProcess;
  /** Rejects when the child fails to spawn or exits; never resolves. */
  failure: Promise<never>;
}

/** Spawns a tracked child service without waiting for it, so something else can wait later. */
export function spawnChildService(options: ChildSpawnOptions): SpawnedChild {
  const child = spawnTracked(options.command, options.args, {
    cwd: options.cwd,
    env: options.env ?? process.env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output = captureOutput(child, 40, options.onLog);
  const failure = new Promise<never>((_resolve, reject) => {
    child.once('error', (error: NodeJS.ErrnoException) =>
      reject(options.explainSpawnError?.(error) ?? error),
    );
    child.once('exit', (code, signal) => {
      reject(
        new Error(
          `${options.name} exited during start-up (${signal ?? `code ${code}`}):\n${output()}`,
        ),
      );
    });
  });
  // After start-up, an exit shows up as failed requests to the service.
  failure.catch(() => undefined);
  return { child, failure };
}

/** Waits until a spawned child's probe succeeds; stops it if it fails or never answers. */
export async function whenAnswering(
  { child, failure }: SpawnedChild,
  readiness: ChildReadiness,
): Promise<ChildProcess> {
  const giveUp = new AbortController();
  try {
    await Promise.race([failure, waitUntilAnswering(readiness, giveUp.signal)]);
  } catch (error) {
    giveUp.abort();
    await stopProcess(child);
    throw error;
  }
  return child;
}

/** Spawns a tracked child service and waits until its probe succeeds; stops it if it never does. */
export async function startChildService(options: ChildServiceOptions): Promise<ChildProcess> {
  return whenAnswering(spawnChildService(options), options);
}

async function waitUntilAnswering(options: ChildReadiness, giveUp: AbortSignal): Promise<void> {
  const timeoutMs = options.startTimeoutMs ?? 30_000;
  const deadline = Date.now() + timeoutMs;
  while (!giveUp.aborted) {
    try {
      if (options.loopbackPort !== undefined) await acceptsConnections(options.loopbackPort);
      await options.probe();
      return;
    } catch (error) {
      if (Date.now() > deadline) {
        throw new Error(`${options.name} did not answer within ${timeoutMs} ms`, { cause: error });
      }
      // A refused connection on loopback costs little: probe often, so a ready service is seen soon.
      await sleep(25);
    }
  }
}

/** Resolves once a connection to the loopback port is accepted; rejects when it is refused. */
function acceptsConnections(port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve();
    });
    socket.once('error', reject);
  });
}

/** A local service the sandbox started. */
export interface RunningService {
  endpoint: string;
  stop(): Promise<void>;
}
