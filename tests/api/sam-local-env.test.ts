import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import {
  CognitoIdentityProviderClient,
  DescribeUserPoolCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { configurationChecks } from '../support/function-configs';
import { sandboxOutputs } from './support/outputs';

// `npm start` writes <state-dir>/env.json for `sam local --env-vars`: the live
// values of every function, which pass its configuration check and name the
// sandbox's own pool, tables and endpoints.
const envFile = () => join(dirname(process.env.SANDBOX_OUTPUTS_FILE ?? ''), 'env.json');
const envJson = () =>
  JSON.parse(readFileSync(envFile(), 'utf8')) as Record<string, Record<string, string>>;

describe('the env.json the sandbox writes for sam local', () => {
  it.each(Object.entries(configurationChecks))(
    'lets %s pass its configuration check',
    (logicalId, check) => {
      const environment = envJson()[logicalId];

      expect(environment).toBeDefined();
      if (check !== 'reads no configuration') {
        expect(() => check({ AWS_REGION: 'us-east-1', ...environment })).not.toThrow();
      }
    },
  );

  it("names the sandbox's own user pool, tables and endpoints", async () => {
    const { AccountDeletionFunction: eraser, DataApiFunction: dataApi } = envJson();
    const outputs = sandboxOutputs();
    const cognito = new CognitoIdentityProviderClient({
      endpoint: eraser?.AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER,
      region: 'us-east-1',
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    });

    const pool = await cognito
      .send(new DescribeUserPoolCommand({ UserPoolId: eraser?.USER_POOL_ID }))
      .finally(() => cognito.destroy());

    expect(pool.UserPool?.Id).toBe(outputs.UserPoolId);
    expect(dataApi?.APP_TABLE_NAME).toBe(outputs.AppTableName);
    expect(dataApi?.AWS_ENDPOINT_URL_DYNAMODB).toBe(outputs.DynamoDbEndpoint);
  });
});
