import type { SandboxProcess } from './support/sandbox-process';

export default async function teardown(): Promise<void> {
  await (globalThis as { apiSandbox?: SandboxProcess }).apiSandbox?.stop();
}
