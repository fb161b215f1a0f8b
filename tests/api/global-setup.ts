import { startSandboxProcess } from '../../sandbox/spawn-sandbox';
import { apiSandboxParameterOverrides } from './support/sandbox-parameters';

// One sandbox for the whole api suite, started the way a user starts it
// (`npm start`), but in memory and on free ports. Global setups of all
// projects share one process, so each keeps its sandbox under its own names;
// tests/api/support/use-api-sandbox.ts points the suite's test files at it.
export default async function setup(): Promise<void> {
  // Lambda waits minutes between asynchronous retries, Step Functions seconds; the tests need not.
  const sandbox = await startSandboxProcess([
    '--async-retry-delay-ms',
    '200',
    '--state-retry-delay-ms',
    '100',
    '--parameter-overrides',
    ...apiSandboxParameterOverrides,
  ]);
  process.env.API_SANDBOX_OUTPUTS_FILE = sandbox.outputsFile;
  (globalThis as { apiSandbox?: typeof sandbox }).apiSandbox = sandbox;
}
