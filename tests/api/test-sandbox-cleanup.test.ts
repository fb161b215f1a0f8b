import { jest } from '@jest/globals';
import { existsSync } from 'node:fs';
import { dirname } from 'node:path';
import { startSandboxProcess } from '../../sandbox/spawn-sandbox';

jest.setTimeout(120_000);

describe('a test sandbox, once stopped', () => {
  it('leaves no state directory behind (builds, data, logs)', async () => {
    const sandbox = await startSandboxProcess();
    const stateDir = dirname(sandbox.outputsFile);
    expect(existsSync(stateDir)).toBe(true);

    await sandbox.stop();

    expect(existsSync(stateDir)).toBe(false);
  });
});
