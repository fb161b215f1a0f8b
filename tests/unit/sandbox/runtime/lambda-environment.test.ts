import {
  localCredentials,
  newLogStreamName,
  reservedVariables,
} from '../../../../sandbox/runtime/lambda-environment';

describe('Lambda reserved variables', () => {
  it('describes the function, its runtime and its region', () => {
    const variables = reservedVariables({
      functionName: 'DataApiFunction',
      memorySizeMb: 512,
      handler: 'handler.handler',
      region: 'eu-west-1',
      taskRoot: '/build/DataApiFunction',
      logGroupName: '/aws/lambda/DataApiFunction',
      logStreamName: '2024/05/01/[$LATEST]abc',
      credentials: localCredentials,
    });

    expect(variables).toMatchObject({
      AWS_LAMBDA_FUNCTION_NAME: 'DataApiFunction',
      AWS_LAMBDA_FUNCTION_VERSION: '$LATEST',
      AWS_LAMBDA_FUNCTION_MEMORY_SIZE: '512',
      AWS_LAMBDA_LOG_GROUP_NAME: '/aws/lambda/DataApiFunction',
      AWS_LAMBDA_LOG_STREAM_NAME: '2024/05/01/[$LATEST]abc',
      AWS_REGION: 'eu-west-1',
      AWS_DEFAULT_REGION: 'eu-west-1',
      AWS_EXECUTION_ENV: 'AWS_Lambda_nodejs24.x',
      LAMBDA_TASK_ROOT: '/build/DataApiFunction',
      _HANDLER: 'handler.handler',
      TZ: ':UTC',
      AWS_ACCESS_KEY_ID: 'local',
      AWS_SECRET_ACCESS_KEY: 'local',
      AWS_SESSION_TOKEN: 'local',
    });
  });

  it('names log streams by day and a random id', () => {
    const name = newLogStreamName(new Date(Date.UTC(2024, 4, 1)));

    expect(name).toMatch(/^2024\/05\/01\/\[\$LATEST\][0-9a-f]{32}$/);
  });
});
