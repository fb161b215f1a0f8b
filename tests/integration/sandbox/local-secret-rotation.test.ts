import {
  DescribeSecretCommand,
  GetSecretValueCommand,
  RotateSecretCommand,
  SecretsManagerClient,
} from '@aws-sdk/client-secrets-manager';
import { randomKeyPolicy } from '../../../layers/domain/src/secrets/random-key-policy';
import { SecretRotation } from '../../../layers/domain/src/secrets/secret-rotation';
import { SecretsManagerCursorKeys } from '../../../layers/domain/src/secrets/secrets-manager-cursor-keys';
import { SecretsManagerRotatingSecrets } from '../../../layers/domain/src/secrets/secrets-manager-rotating-secrets';
import { localCredentials } from '../../../sandbox/runtime/lambda-environment';
import { createLocalSecrets } from '../../../sandbox/secrets/local-secrets';
import {
  startLocalSecretsManager,
  type LocalSecretsManager,
} from '../../../sandbox/secrets/secrets-manager-server';
import { LOCAL_PSEUDO_PARAMETERS } from '../../../sandbox/template/pseudo-parameters';

// The rotation steps and the cursor keys of the domain layer, through the SDK,
// against the local Secrets Manager endpoint: RotateSecret runs the rotation
// (here in-process) as Secrets Manager runs the rotation function.

const SECRET_ARN = 'arn:aws:secretsmanager:us-east-1:000000000000:secret:CursorSigningSecret-local';
const ROTATION_FUNCTION =
  'arn:aws:lambda:us-east-1:000000000000:function:CursorKeyRotationFunction';
const INITIAL_KEY = 'i'.repeat(64);

let secretsManager: LocalSecretsManager;
let client: SecretsManagerClient;
let steps: string[];

beforeEach(async () => {
  steps = [];
  const secrets = createLocalSecrets({
    secrets: [{ logicalId: 'CursorSigningSecret', secretString: INITIAL_KEY }],
    pseudo: LOCAL_PSEUDO_PARAMETERS,
  });
  // The rotation needs the endpoint's client, which needs the endpoint started.
  const rotation: { steps?: SecretRotation } = {};
  secretsManager = await startLocalSecretsManager({
    port: 0,
    find: secrets.find,
    keys: { [localCredentials.accessKeyId]: localCredentials.secretAccessKey },
    rotation: {
      rotationFunctionOf: (secret) => (secret.arn === SECRET_ARN ? ROTATION_FUNCTION : undefined),
      invokeRotation: async (_functionArn, event) => {
        steps.push(event.Step);
        await rotation.steps?.rotate(event);
      },
    },
  });
  client = new SecretsManagerClient({
    endpoint: secretsManager.endpoint,
    region: LOCAL_PSEUDO_PARAMETERS.region,
    credentials: localCredentials,
    maxAttempts: 1,
  });
  rotation.steps = new SecretRotation(new SecretsManagerRotatingSecrets(client), randomKeyPolicy);
});

afterEach(async () => {
  client.destroy();
  await secretsManager.stop();
});

function cursorKeys(): SecretsManagerCursorKeys {
  return new SecretsManagerCursorKeys(client, SECRET_ARN, 0);
}

describe('rotating a secret on the local Secrets Manager', () => {
  it('has no AWSPREVIOUS before the first rotation, so only the current key verifies', async () => {
    const keys = await cursorKeys().keys();

    expect(keys).toEqual({ signing: INITIAL_KEY, verifying: [INITIAL_KEY] });
  });

  it('runs the four steps in order and answers with the new version', async () => {
    const rotated = await client.send(new RotateSecretCommand({ SecretId: SECRET_ARN }));

    expect(steps).toEqual(['createSecret', 'setSecret', 'testSecret', 'finishSecret']);
    const current = await client.send(new GetSecretValueCommand({ SecretId: SECRET_ARN }));
    expect(current.VersionId).toBe(rotated.VersionId);
    expect(current.SecretString).not.toBe(INITIAL_KEY);
  });

  it('makes the new key current and the replaced one AWSPREVIOUS', async () => {
    await client.send(new RotateSecretCommand({ SecretId: SECRET_ARN }));

    const keys = await cursorKeys().keys();

    expect(keys.signing).toMatch(/^[A-Za-z0-9_-]{64}$/);
    expect(keys.verifying).toEqual([keys.signing, INITIAL_KEY]);
  });

  it('drops the key of two rotations ago', async () => {
    await client.send(new RotateSecretCommand({ SecretId: SECRET_ARN }));
    await client.send(new RotateSecretCommand({ SecretId: SECRET_ARN }));

    const keys = await cursorKeys().keys();

    expect(keys.verifying).toHaveLength(2);
    expect(keys.verifying).not.toContain(INITIAL_KEY);
  });

  it('describes the secret with rotation enabled and every labelled version', async () => {
    const { VersionId } = await client.send(new RotateSecretCommand({ SecretId: SECRET_ARN }));

    const described = await client.send(new DescribeSecretCommand({ SecretId: SECRET_ARN }));

    expect(described.RotationEnabled).toBe(true);
    expect(described.RotationLambdaARN).toBe(ROTATION_FUNCTION);
    expect(Object.values(described.VersionIdsToStages ?? {})).toHaveLength(2);
    expect(described.VersionIdsToStages?.[VersionId ?? '']).toEqual(['AWSCURRENT']);
  });

  it('refuses to rotate a secret with no rotation function', async () => {
    const noRotation = await startLocalSecretsManager({
      port: 0,
      find: createLocalSecrets({
        secrets: [{ logicalId: 'CursorSigningSecret', secretString: INITIAL_KEY }],
        pseudo: LOCAL_PSEUDO_PARAMETERS,
      }).find,
      keys: { [localCredentials.accessKeyId]: localCredentials.secretAccessKey },
    });
    const other = new SecretsManagerClient({
      endpoint: noRotation.endpoint,
      region: LOCAL_PSEUDO_PARAMETERS.region,
      credentials: localCredentials,
      maxAttempts: 1,
    });

    const rotate = other.send(new RotateSecretCommand({ SecretId: SECRET_ARN }));

    await expect(rotate).rejects.toMatchObject({ name: 'InvalidRequestException' });
    other.destroy();
    await noRotation.stop();
  });
});
