import type { SandboxProcess } from '../../sandbox/spawn-sandbox';

export default async function teardown(): Promise<void> {
  await (globalThis as { fuzzSandbox?: SandboxProcess }).fuzzSandbox?.stop();
}
