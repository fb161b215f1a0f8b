import type { APIGatewayProxyEvent, APIGatewayProxyResult, Context } from 'aws-lambda';

export type ApiHandler = (
  event: APIGatewayProxyEvent,
  context: Context,
) => Promise<APIGatewayProxyResult>;

/**
 * DataApiFunction's handler, imported after its environment is set: it reads
 * its configuration at load time, as at a cold start.
 */
export async function importDataApiHandler(allowedOrigin: string): Promise<ApiHandler> {
  Object.assign(process.env, {
    APP_TABLE_NAME: 'AppTable',
    IDEMPOTENCY_TABLE_NAME: 'IdempotencyTable',
    CURSOR_SIGNING_SECRET_ARN:
      'arn:aws:secretsmanager:us-east-1:000000000000:secret:cursor-signing-local',
    ACCOUNT_ERASURE_STATE_MACHINE_ARN: 'arn:aws:states:us-east-1:000000000000:stateMachine:Erasure',
    ALLOWED_ORIGIN: allowedOrigin,
    AWS_REGION: 'us-east-1',
    POWERTOOLS_METRICS_DISABLED: 'true',
    POWERTOOLS_LOG_LEVEL: 'SILENT',
  });
  const module = (await import('../../../functions/data-api/handler')) as { handler: ApiHandler };
  return module.handler;
}
