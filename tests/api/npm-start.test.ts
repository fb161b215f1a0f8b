// `npm start` as the README's quick start runs it: sandbox/start.mjs, which
// runs the kept bundle of the sandbox on plain Node (built first when anything
// it is built from changed). The other api tests start it the same way; this
// file checks what the quick start itself promises: the ready line, and no
// process left behind.
import { jest } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { startSandboxProcess, type SandboxProcess } from '../../sandbox/spawn-sandbox';
import type { SandboxOutputs } from './support/outputs';

jest.setTimeout(180_000);

/** A process still there, by its command line; undefined once it is gone (or a zombie). */
function stillRunning(pid: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    if (stat.slice(stat.lastIndexOf(')') + 2).startsWith('Z')) return undefined;
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ').trim();
  } catch {
    return undefined;
  }
}

/** The processes of `pids` still running once they had a few seconds to exit. */
async function leftRunning(pids: number[]): Promise<string[]> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const left = pids.map(stillRunning).filter((command) => command !== undefined);
    if (left.length === 0 || attempt === 49) return left;
    await sleep(100);
  }
  return [];
}

/** The process ids of `pid`'s children (DynamoDB Local's JVM, cognito-local), from /proc. */
function childrenOf(pid: number): number[] {
  try {
    const tasks = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8');
    return tasks.split(/\s+/).filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

/** The ready line, which follows outputs.json by a moment. */
async function readyLine(logFile: string): Promise<string | undefined> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const line = /Sandbox ready in \d+\.\d s/.exec(readFileSync(logFile, 'utf8'))?.[0];
    if (line) return line;
    await sleep(100);
  }
  return undefined;
}

// The processes are read from /proc: their check runs on Linux only.
const onLinux = process.platform === 'linux' ? it : it.skip;

describe('npm start (the kept sandbox bundle)', () => {
  let sandbox: SandboxProcess | undefined;

  beforeAll(async () => {
    sandbox = await startSandboxProcess([], { persistent: true });
  });

  afterAll(async () => {
    await sandbox?.stop();
  });

  it('says it is ready and serves the API', async () => {
    const running = sandbox as SandboxProcess;
    expect(await readyLine(running.logFile)).toBeDefined();
    const outputs = JSON.parse(readFileSync(running.outputsFile, 'utf8')) as SandboxOutputs;

    const unsigned = await fetch(`${outputs.ApiUrl}/v1/me`);

    expect(unsigned.status).toBe(401);
  });

  onLinux('stops every process it started when it stops', async () => {
    const running = sandbox as SandboxProcess;
    const children = childrenOf(running.pid);

    await running.stop();
    sandbox = undefined;

    expect(children.length).toBeGreaterThan(0);
    expect(await leftRunning([running.pid, ...children])).toEqual([]);
  });
});
