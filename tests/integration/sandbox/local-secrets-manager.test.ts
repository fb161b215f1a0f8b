import {
  GetSecretValueCommand,
  SecretsManagerClient,
  type SecretsManagerClientConfig,
} from '@aws-sdk/client-secrets-manager';
import { localCredentials } from '../../../sandbox/runtime/lambda-environment';
import { createLocalSecrets } from '../../../sandbox/secrets/local-secrets';
import {
  startLocalSecretsManager,
  type LocalSecretsManager,
} from '../../../sandbox/secrets/secrets-manager-server';
import { LOCAL_PSEUDO_PARAMETERS } from '../../../sandbox/template/pseudo-parameters';

// The local Secrets Manager endpoint as the SDK client of a function sees it.

const SECRET_ARN = 'arn:aws:secretsmanager:us-east-1:000000000000:secret:app/credentials-local';
const secrets = createLocalSecrets({
  secrets: [{ logicalId: 'AppCredentials', name: 'app/credentials', secretString: '{"a":1}' }],
  pseudo: LOCAL_PSEUDO_PARAMETERS,
});

let secretsManager: LocalSecretsManager;
const clients: SecretsManagerClient[] = [];

function clientWith(credentials: { accessKeyId: string; secretAccessKey: string }) {
  const config: SecretsManagerClientConfig = {
    endpoint: secretsManager.endpoint,
    region: LOCAL_PSEUDO_PARAMETERS.region,
    credentials,
    maxAttempts: 1,
  };
  const client = new SecretsManagerClient(config);
  clients.push(client);
  return client;
}

beforeAll(async () => {
  secretsManager = await startLocalSecretsManager({
    port: 0,
    find: secrets.find,
    keys: { [localCredentials.accessKeyId]: localCredentials.secretAccessKey },
  });
});

afterAll(async () => {
  for (const client of clients) client.destroy();
  await secretsManager.stop();
});

describe('the local Secrets Manager endpoint', () => {
  it('gives a request signed with the local credentials the secret by ARN', async () => {
    const client = clientWith(localCredentials);

    const secret = await client.send(new GetSecretValueCommand({ SecretId: SECRET_ARN }));

    expect(secret).toMatchObject({
      ARN: SECRET_ARN,
      Name: 'app/credentials',
      SecretString: '{"a":1}',
      VersionStages: ['AWSCURRENT'],
    });
  });

  it('refuses a signature made with another secret key', async () => {
    const client = clientWith({ accessKeyId: localCredentials.accessKeyId, secretAccessKey: 'x' });

    const read = client.send(new GetSecretValueCommand({ SecretId: SECRET_ARN }));

    await expect(read).rejects.toMatchObject({
      name: 'InvalidSignatureException',
      $metadata: { httpStatusCode: 400 },
    });
  });

  it('refuses an access key it does not know', async () => {
    const client = clientWith({ accessKeyId: 'someone-else', secretAccessKey: 'local' });

    const read = client.send(new GetSecretValueCommand({ SecretId: SECRET_ARN }));

    await expect(read).rejects.toMatchObject({
      name: 'UnrecognizedClientException',
      $metadata: { httpStatusCode: 400 },
    });
  });

  it('refuses an unsigned request with a 400', async () => {
    const response = await fetch(secretsManager.endpoint, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/x-amz-json-1.1',
        'X-Amz-Target': 'secretsmanager.GetSecretValue',
      },
      body: JSON.stringify({ SecretId: SECRET_ARN }),
    });

    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ __type: 'MissingAuthenticationTokenException' });
  });

  it('answers a secret it does not hold with ResourceNotFoundException', async () => {
    const client = clientWith(localCredentials);

    const read = client.send(new GetSecretValueCommand({ SecretId: 'nothing-here' }));

    await expect(read).rejects.toMatchObject({
      name: 'ResourceNotFoundException',
      $metadata: { httpStatusCode: 400 },
    });
  });
});
