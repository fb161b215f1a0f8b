// A sandbox of a test file's own, for what the shared one cannot show: other
// parameter values (MfaMode=ON, GuestAccess=enabled, …) or behaviour a test
// would disturb for every other file.
import { readFileSync } from 'node:fs';
import type { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { startSandboxProcess, type SandboxProcess } from '../../../sandbox/spawn-sandbox';
import type { SandboxOutputs } from './outputs';
import { localCognitoClient } from './users';

export interface OwnSandbox {
  process: SandboxProcess;
  outputs: SandboxOutputs;
  /** Its Cognito, as an app reaches it. */
  cognito: CognitoIdentityProviderClient;
  /** Stops it, and points the support helpers back where they pointed before. */
  stop(): Promise<void>;
}

export interface OwnSandboxOptions {
  /** `Name=value` pairs, as `--parameter-overrides` takes them. */
  parameterOverrides: string[];
  /** Point the support helpers (`sandboxOutputs()`, `call`, `newUser`, …) at this sandbox. */
  forSupportHelpers?: boolean;
}

export async function startOwnSandbox(options: OwnSandboxOptions): Promise<OwnSandbox> {
  const process_ = await startSandboxProcess([
    '--parameter-overrides',
    ...options.parameterOverrides,
  ]);
  const sharedOutputsFile = process.env.SANDBOX_OUTPUTS_FILE;
  if (options.forSupportHelpers) process.env.SANDBOX_OUTPUTS_FILE = process_.outputsFile;
  const outputs = JSON.parse(readFileSync(process_.outputsFile, 'utf8')) as SandboxOutputs;
  const cognito = localCognitoClient(outputs.CognitoEndpoint);
  return {
    process: process_,
    outputs,
    cognito,
    async stop() {
      cognito.destroy();
      await process_.stop();
      if (options.forSupportHelpers) process.env.SANDBOX_OUTPUTS_FILE = sharedOutputsFile;
    },
  };
}
