import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compileCacheEnvironment } from '../compile-cache';
import { LOOPBACK } from '../network';
import { writeIssuer } from './issuer-config';
import { assertPortFree } from '../ports';
import { startChildService, stopProcess } from '../processes';
import type { RunningService } from '../processes';

export interface RunningCognitoLocal extends RunningService {
  /** Its working directory, where it keeps users and pools (`.cognito/`). */
  stateDir: string;
}

// Paths are anchored at the project (npm runs scripts there) rather than import.meta: jest
// compiles global setup files and what they import to CommonJS, where import.meta is a syntax error.

export interface CognitoLocalOptions {
  /** On loopback: clients reach it through the Cognito front (cognito-front.ts). */
  port: number;
  /** The endpoint its tokens' issuer names (the front's public URL); its own unless given. */
  issuerEndpoint?: string;
  /** Where users and pools persist across restarts; undefined uses a temporary directory. */
  dataDir?: string;
  startTimeoutMs?: number;
  /** Receives each line cognito-local prints. */
  onLog?: (line: string) => void;
}

/** cognito-local's start, with a log that writes every line at once (see the file). */
function cognitoLocalBin(): string {
  return join(process.cwd(), 'sandbox', 'cognito', 'cognito-local-start.mjs');
}

/**
 * Starts cognito-local as a child process rather than in-process: it reads PORT and HOST when
 * its modules load and keeps its state in `./.cognito` of the working directory, so a child with
 * its own environment and cwd is the only way to choose port and state directory per run.
 */
export async function startCognitoLocal(
  options: CognitoLocalOptions,
): Promise<RunningCognitoLocal> {
  await assertPortFree(options.port, 'Cognito Local', '--cognito-port');
  const stateDir = options.dataDir
    ? join(options.dataDir, 'cognito')
    : mkdtempSync(join(tmpdir(), 'cognito-local-'));
  mkdirSync(stateDir, { recursive: true });
  const removeStateDir = () => {
    if (!options.dataDir) rmSync(stateDir, { recursive: true, force: true });
  };
  const endpoint = `http://${LOOPBACK}:${options.port}`;
  writeIssuer(stateDir, options.issuerEndpoint ?? endpoint);
  const probeUrl = `${endpoint}/health`;
  try {
    const child = await startChildService({
      name: 'Cognito Local',
      command: process.execPath,
      args: [cognitoLocalBin()],
      cwd: stateDir,
      env: {
        ...process.env,
        ...compileCacheEnvironment(),
        PORT: String(options.port),
        HOST: LOOPBACK,
      },
      probe: async () => {
        const response = await fetch(probeUrl);
        if (!response.ok) throw new Error(`health check answered ${response.status}`);
      },
      loopbackPort: options.port,
      startTimeoutMs: options.startTimeoutMs,
      onLog: options.onLog,
    });
    return {
      endpoint,
      stateDir,
      stop: async () => {
        await stopProcess(child);
        removeStateDir();
      },
    };
  } catch (error) {
    removeStateDir();
    throw error;
  }
}
