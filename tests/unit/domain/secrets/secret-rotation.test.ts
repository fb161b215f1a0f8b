import {
  DescribeSecretCommand,
  GetSecretValueCommand,
  PutSecretValueCommand,
  ResourceNotFoundException,
  SecretsManagerClient,
  UpdateSecretVersionStageCommand,
} from '@aws-sdk/client-secrets-manager';
import type { SecretsManagerRotationEvent } from 'aws-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import { randomKeyPolicy } from '../../../../layers/domain/src/secrets/random-key-policy';
import { SecretRotation } from '../../../../layers/domain/src/secrets/secret-rotation';
import { SecretsManagerRotatingSecrets } from '../../../../layers/domain/src/secrets/secrets-manager-rotating-secrets';

const secretsManager = mockClient(SecretsManagerClient);
const secretId = 'arn:aws:secretsmanager:us-east-1:123456789012:secret:cursors-AbCdEf';
const token = '11111111-2222-3333-4444-555555555555';
const currentVersion = '99999999-8888-7777-6666-555555555555';
const meta = { $metadata: {} };

const rotation = new SecretRotation(
  new SecretsManagerRotatingSecrets(new SecretsManagerClient({})),
  randomKeyPolicy,
);

function step(Step: SecretsManagerRotationEvent['Step']): SecretsManagerRotationEvent {
  return { Step, SecretId: secretId, ClientRequestToken: token };
}

function describing(tokenStages: string[], rotationEnabled = true): void {
  secretsManager.on(DescribeSecretCommand).resolves({
    RotationEnabled: rotationEnabled,
    VersionIdsToStages: { [currentVersion]: ['AWSCURRENT'], [token]: tokenStages },
  });
}

function pendingValue(value: string | undefined): void {
  const answer = secretsManager.on(GetSecretValueCommand, {
    SecretId: secretId,
    VersionId: token,
    VersionStage: 'AWSPENDING',
  });
  if (value === undefined)
    answer.rejects(new ResourceNotFoundException({ message: 'no', ...meta }));
  else answer.resolves({ SecretString: value });
}

describe('the rotation of the cursor-signing key', () => {
  beforeEach(() => secretsManager.reset());

  it('createSecret stores a new random key of 64 characters as AWSPENDING under the token', async () => {
    describing(['AWSPENDING']);
    pendingValue(undefined);

    await rotation.rotate(step('createSecret'));

    const [put] = secretsManager.commandCalls(PutSecretValueCommand);
    expect(put?.args[0].input).toMatchObject({
      SecretId: secretId,
      ClientRequestToken: token,
      VersionStages: ['AWSPENDING'],
    });
    expect(put?.args[0].input.SecretString).toMatch(/^[A-Za-z0-9_-]{64}$/);
  });

  it('createSecret makes a different key each time', () => {
    expect(randomKeyPolicy.generate()).not.toBe(randomKeyPolicy.generate());
  });

  it('createSecret, retried, keeps the pending key it stored the first time', async () => {
    describing(['AWSPENDING']);
    pendingValue('k'.repeat(64));

    await rotation.rotate(step('createSecret'));

    expect(secretsManager.commandCalls(PutSecretValueCommand)).toHaveLength(0);
  });

  it('testSecret refuses a pending value too short to be a key', async () => {
    describing(['AWSPENDING']);
    pendingValue('short');

    await expect(rotation.rotate(step('testSecret'))).rejects.toThrow(/not a usable key/);
  });

  it('testSecret accepts a pending key of at least 32 characters', async () => {
    describing(['AWSPENDING']);
    pendingValue('k'.repeat(32));

    await expect(rotation.rotate(step('testSecret'))).resolves.toBeUndefined();
  });

  it('finishSecret moves AWSCURRENT from the current version to the token', async () => {
    describing(['AWSPENDING']);

    await rotation.rotate(step('finishSecret'));

    const [update] = secretsManager.commandCalls(UpdateSecretVersionStageCommand);
    expect(update?.args[0].input).toEqual({
      SecretId: secretId,
      VersionStage: 'AWSCURRENT',
      MoveToVersionId: token,
      RemoveFromVersionId: currentVersion,
    });
  });

  it('does nothing for a version that is already current (a step retried after it finished)', async () => {
    describing(['AWSCURRENT', 'AWSPENDING']);

    await rotation.rotate(step('finishSecret'));

    expect(secretsManager.commandCalls(UpdateSecretVersionStageCommand)).toHaveLength(0);
  });

  it('refuses a token that is not a pending version of the secret', async () => {
    describing([]);

    await expect(rotation.rotate(step('createSecret'))).rejects.toThrow(/not pending/);
  });

  it('refuses a secret whose rotation is not enabled', async () => {
    describing(['AWSPENDING'], false);

    await expect(rotation.rotate(step('createSecret'))).rejects.toThrow(/not enabled/);
  });
});
