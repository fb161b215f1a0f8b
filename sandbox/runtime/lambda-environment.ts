// The environment variables the Lambda service sets in every execution
// environment. They override the template's variables, which on AWS may not
// use these reserved names.
import { randomBytes } from 'node:crypto';

export interface LocalCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string;
}

/** Dummy credentials: local services accept any, and these never reach AWS. */
export const localCredentials: LocalCredentials = {
  accessKeyId: 'local',
  secretAccessKey: 'local',
  sessionToken: 'local',
};

export interface ReservedVariablesInput {
  functionName: string;
  memorySizeMb: number;
  handler: string;
  region: string;
  taskRoot: string;
  logGroupName: string;
  logStreamName: string;
  credentials: LocalCredentials;
}

/** `2024/05/01/[$LATEST]<32 hex digits>`, one per execution environment. */
export function newLogStreamName(now = new Date()): string {
  const day = now.toISOString().slice(0, 10).replaceAll('-', '/');
  return `${day}/[$LATEST]${randomBytes(16).toString('hex')}`;
}

export function reservedVariables(input: ReservedVariablesInput): Record<string, string> {
  return {
    AWS_LAMBDA_FUNCTION_NAME: input.functionName,
    AWS_LAMBDA_FUNCTION_VERSION: '$LATEST',
    AWS_LAMBDA_FUNCTION_MEMORY_SIZE: String(input.memorySizeMb),
    AWS_LAMBDA_LOG_GROUP_NAME: input.logGroupName,
    AWS_LAMBDA_LOG_STREAM_NAME: input.logStreamName,
    AWS_LAMBDA_INITIALIZATION_TYPE: 'on-demand',
    AWS_REGION: input.region,
    AWS_DEFAULT_REGION: input.region,
    AWS_EXECUTION_ENV: 'AWS_Lambda_nodejs24.x',
    LAMBDA_TASK_ROOT: input.taskRoot,
    LAMBDA_RUNTIME_DIR: '/var/runtime',
    _HANDLER: input.handler,
    TZ: ':UTC',
    LANG: 'en_US.UTF-8',
    AWS_ACCESS_KEY_ID: input.credentials.accessKeyId,
    AWS_SECRET_ACCESS_KEY: input.credentials.secretAccessKey,
    AWS_SESSION_TOKEN: input.credentials.sessionToken,
  };
}
