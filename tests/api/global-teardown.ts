import type { SandboxProcess } from '../../sandbox/spawn-sandbox';

export default async function teardown(): Promise<void> {
  await (globalThis as { apiSandbox?: SandboxProcess }).apiSandbox?.stop();
}
