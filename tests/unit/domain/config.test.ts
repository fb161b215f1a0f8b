import { accountDeletionConfig } from '@mobile-backend/domain/accounts';
import { dataApiConfig } from '@mobile-backend/domain/data';

const dataApiEnv = {
  APP_TABLE_NAME: 'AppTable',
  IDEMPOTENCY_TABLE_NAME: 'IdempotencyTable',
  CURSOR_SIGNING_SECRET_ARN: 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:cursors-AbCdEf',
  ACCOUNT_ERASURE_STATE_MACHINE_ARN: 'arn:aws:states:us-east-1:000000000000:stateMachine:Erasure',
  ALLOWED_ORIGIN: '*',
};

describe('the data API configuration', () => {
  it('is read from the environment', () => {
    expect(dataApiConfig(dataApiEnv)).toEqual({
      appTableName: 'AppTable',
      idempotencyTableName: 'IdempotencyTable',
      cursorSigningSecretArn: 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:cursors-AbCdEf',
      accountErasureStateMachineArn: 'arn:aws:states:us-east-1:000000000000:stateMachine:Erasure',
      allowedOrigins: ['*'],
    });
  });

  it('accepts several allowed origins', () => {
    const config = dataApiConfig({
      ...dataApiEnv,
      ALLOWED_ORIGIN: 'https://a.example, https://b.example',
    });

    expect(config.allowedOrigins).toEqual(['https://a.example', 'https://b.example']);
  });

  it('names every missing variable', () => {
    const env: Record<string, string> = { ...dataApiEnv };
    delete env.APP_TABLE_NAME;

    expect(() => dataApiConfig({ ...env, CURSOR_SIGNING_SECRET_ARN: '' })).toThrow(
      /APP_TABLE_NAME.*CURSOR_SIGNING_SECRET_ARN/,
    );
  });

  it('has no variable for the cursor-signing key itself, only for its secret', () => {
    const env: Record<string, string> = { ...dataApiEnv, CURSOR_SIGNING_KEY: 'k'.repeat(64) };
    delete env.CURSOR_SIGNING_SECRET_ARN;

    expect(() => dataApiConfig(env)).toThrow(/CURSOR_SIGNING_SECRET_ARN/);
  });
});

describe('the account deletion configuration', () => {
  const endpoint = 'https://abc.execute-api.us-east-1.amazonaws.com/v1';

  it('needs the table, the user pool and the WebSocket management endpoint', () => {
    expect(
      accountDeletionConfig({
        APP_TABLE_NAME: 't',
        USER_POOL_ID: 'p',
        WEBSOCKET_MANAGEMENT_ENDPOINT: endpoint,
      }),
    ).toEqual({ appTableName: 't', userPoolId: 'p', webSocketManagementEndpoint: endpoint });
    expect(() =>
      accountDeletionConfig({ APP_TABLE_NAME: 't', WEBSOCKET_MANAGEMENT_ENDPOINT: endpoint }),
    ).toThrow(/USER_POOL_ID/);
    expect(() => accountDeletionConfig({ APP_TABLE_NAME: 't', USER_POOL_ID: 'p' })).toThrow(
      /WEBSOCKET_MANAGEMENT_ENDPOINT/,
    );
  });
});
