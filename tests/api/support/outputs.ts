import { readFileSync } from 'node:fs';

/** The sandbox's resolved template Outputs, as `sam deploy` would print them. */
export interface SandboxOutputs {
  ApiUrl: string;
  UserPoolId: string;
  UserPoolClientId: string;
  AppTableName: string;
  CognitoEndpoint: string;
  [name: string]: string;
}

export function sandboxOutputs(): SandboxOutputs {
  const file = process.env.SANDBOX_OUTPUTS_FILE;
  if (!file) throw new Error('SANDBOX_OUTPUTS_FILE is not set: run through the api jest project');
  return JSON.parse(readFileSync(file, 'utf8')) as SandboxOutputs;
}
