import { startSandboxProcess } from '../../sandbox/spawn-sandbox';
import { unthrottled } from '../../bench/lib/unthrottled';

// Its own sandbox, unthrottled: the fuzzer measures what the functions answer,
// and a 429 from the stage's limits would only hide them. Kept under names of
// its own, since every project's global setup runs in one process.
export default async function setup(): Promise<void> {
  const sandbox = await startSandboxProcess([...unthrottled, '--async-retry-delay-ms', '200']);
  process.env.FUZZ_SANDBOX_OUTPUTS_FILE = sandbox.outputsFile;
  (globalThis as { fuzzSandbox?: typeof sandbox }).fuzzSandbox = sandbox;
}
