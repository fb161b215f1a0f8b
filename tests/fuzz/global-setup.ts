import { startSandboxProcess } from '../../sandbox/spawn-sandbox';
import { unthrottled } from '../../bench/lib/unthrottled';

// Its own sandbox, unthrottled: the fuzzer measures what the functions answer,
// and a 429 from the stage's limits would only hide them.
export default async function setup(): Promise<void> {
  const sandbox = await startSandboxProcess([...unthrottled, '--async-retry-delay-ms', '200']);
  process.env.SANDBOX_OUTPUTS_FILE = sandbox.outputsFile;
  (globalThis as { apiSandbox?: typeof sandbox }).apiSandbox = sandbox;
}
