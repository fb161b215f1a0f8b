import { startSandboxProcess } from '../../sandbox/spawn-sandbox';

// One sandbox for the whole api suite, started the way a user starts it
// (`npm start`), but in memory and on free ports.
export default async function setup(): Promise<void> {
  // Lambda waits minutes between asynchronous retries; the tests need not.
  const sandbox = await startSandboxProcess(['--async-retry-delay-ms', '200']);
  process.env.SANDBOX_OUTPUTS_FILE = sandbox.outputsFile;
  (globalThis as { apiSandbox?: typeof sandbox }).apiSandbox = sandbox;
}
