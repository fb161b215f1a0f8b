import * as z from 'zod';

// Each function reads its environment once, at cold start, and fails loudly
// there rather than on the first request that needs a missing value.

const nonEmpty = z.string().min(1);

const DataApiEnvironment = z.object({
  APP_TABLE_NAME: nonEmpty,
  IDEMPOTENCY_TABLE_NAME: nonEmpty,
  // The key itself is read from Secrets Manager at cold start, never from the environment.
  CURSOR_SIGNING_SECRET_ARN: nonEmpty,
  ACCOUNT_ERASURE_STATE_MACHINE_ARN: nonEmpty,
  ALLOWED_ORIGIN: nonEmpty.default('*'),
});

const AccountDeletionEnvironment = z.object({
  APP_TABLE_NAME: nonEmpty,
  USER_POOL_ID: nonEmpty,
  WEBSOCKET_MANAGEMENT_ENDPOINT: z.url(),
});

export interface DataApiConfig {
  appTableName: string;
  idempotencyTableName: string;
  /** The secret whose AWSCURRENT version signs cursors (AWSPREVIOUS still verifies). */
  cursorSigningSecretArn: string;
  accountErasureStateMachineArn: string;
  /** `*`, or the origins allowed by CORS (ALLOWED_ORIGIN may list several, comma-separated). */
  allowedOrigins: string[];
}

export interface AccountDeletionConfig {
  appTableName: string;
  userPoolId: string;
  /** The WebSocket API's `@connections` endpoint, to close the user's open connections. */
  webSocketManagementEndpoint: string;
}

export type Environment = Record<string, string | undefined>;

export function readEnvironment<T extends z.ZodType>(schema: T, env: Environment): z.infer<T> {
  const result = schema.safeParse(env);
  if (!result.success) {
    // Names and reasons only: values may be secrets.
    const problems = result.error.issues.map(
      (issue) => `${issue.path.join('.')}: ${issue.message}`,
    );
    throw new Error(`Invalid configuration: ${problems.join('; ')}`);
  }
  return result.data;
}

/** ALLOWED_ORIGIN: `*`, or several origins separated by commas. */
export function allowedOriginsOf(value: string): string[] {
  return value
    .split(',')
    .map((origin) => origin.trim())
    .filter((origin) => origin !== '');
}

export function dataApiConfig(env: Environment = process.env): DataApiConfig {
  const vars = readEnvironment(DataApiEnvironment, env);
  return {
    appTableName: vars.APP_TABLE_NAME,
    idempotencyTableName: vars.IDEMPOTENCY_TABLE_NAME,
    cursorSigningSecretArn: vars.CURSOR_SIGNING_SECRET_ARN,
    accountErasureStateMachineArn: vars.ACCOUNT_ERASURE_STATE_MACHINE_ARN,
    allowedOrigins: allowedOriginsOf(vars.ALLOWED_ORIGIN),
  };
}

export function accountDeletionConfig(env: Environment = process.env): AccountDeletionConfig {
  const vars = readEnvironment(AccountDeletionEnvironment, env);
  return {
    appTableName: vars.APP_TABLE_NAME,
    userPoolId: vars.USER_POOL_ID,
    webSocketManagementEndpoint: vars.WEBSOCKET_MANAGEMENT_ENDPOINT,
  };
}
