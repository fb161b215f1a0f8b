import { accountDeletionConfig } from '@mobile-backend/domain/accounts';
import { dataApiConfig } from '@mobile-backend/domain/data';

const dataApiEnv = {
  APP_TABLE_NAME: 'AppTable',
  IDEMPOTENCY_TABLE_NAME: 'IdempotencyTable',
  CURSOR_SIGNING_KEY: 'c'.repeat(64),
  ACCOUNT_ERASURE_STATE_MACHINE_ARN: 'arn:aws:states:us-east-1:000000000000:stateMachine:Erasure',
  ALLOWED_ORIGIN: '*',
};

describe('the data API configuration', () => {
  it('is read from the environment', () => {
    expect(dataApiConfig(dataApiEnv)).toEqual({
      appTableName: 'AppTable',
      idempotencyTableName: 'IdempotencyTable',
      cursorSigningKey: 'c'.repeat(64),
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

  it('names every missing variable without echoing any value', () => {
    const env: Record<string, string> = { ...dataApiEnv };
    delete env.APP_TABLE_NAME;

    expect(() => dataApiConfig({ ...env, CURSOR_SIGNING_KEY: 'short-secret' })).toThrow(
      /APP_TABLE_NAME.*CURSOR_SIGNING_KEY/,
    );
    expect(() => dataApiConfig({ ...env, CURSOR_SIGNING_KEY: 'short-secret' })).not.toThrow(
      /short-secret/,
    );
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
