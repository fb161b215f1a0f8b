import {
  GetSecretValueCommand,
  ResourceNotFoundException,
  SecretsManagerClient,
} from '@aws-sdk/client-secrets-manager';
import { mockClient } from 'aws-sdk-client-mock';
import { SecretsManagerCursorKeys } from '../../../../layers/domain/src/secrets/secrets-manager-cursor-keys';

const secretsManager = mockClient(SecretsManagerClient);
const secretId = 'arn:aws:secretsmanager:us-east-1:123456789012:secret:cursors-AbCdEf';
const current = 'c'.repeat(64);
const previous = 'p'.repeat(64);
const meta = { $metadata: {} };

function notFound(): ResourceNotFoundException {
  return new ResourceNotFoundException({ message: 'no such version', ...meta });
}

function keysOf(maxAgeSeconds = 300): SecretsManagerCursorKeys {
  return new SecretsManagerCursorKeys(new SecretsManagerClient({}), secretId, maxAgeSeconds);
}

describe('the cursor keys from Secrets Manager', () => {
  beforeEach(() => {
    secretsManager.reset();
    secretsManager
      .on(GetSecretValueCommand, { SecretId: secretId, VersionStage: 'AWSCURRENT' })
      .resolves({ SecretString: current })
      .on(GetSecretValueCommand, { SecretId: secretId, VersionStage: 'AWSPREVIOUS' })
      .resolves({ SecretString: previous });
  });

  it('sign with AWSCURRENT and verify with AWSCURRENT, then AWSPREVIOUS', async () => {
    const keys = await keysOf().keys();

    expect(keys).toEqual({ signing: current, verifying: [current, previous] });
  });

  it('verify with AWSCURRENT alone before the first rotation, when there is no AWSPREVIOUS', async () => {
    secretsManager
      .on(GetSecretValueCommand, { SecretId: secretId, VersionStage: 'AWSPREVIOUS' })
      .rejects(notFound());

    const keys = await keysOf().keys();

    expect(keys).toEqual({ signing: current, verifying: [current] });
  });

  it('are read once and then served from the cache within their max age', async () => {
    const source = keysOf();

    await source.keys();
    await source.keys();

    expect(secretsManager.commandCalls(GetSecretValueCommand)).toHaveLength(2);
  });

  it('are read again once their max age is over, so a rotated key is picked up', async () => {
    const source = keysOf(0);
    await source.keys();
    secretsManager
      .on(GetSecretValueCommand, { SecretId: secretId, VersionStage: 'AWSCURRENT' })
      .resolves({ SecretString: 'n'.repeat(64) });

    const keys = await source.keys();

    expect(keys.signing).toBe('n'.repeat(64));
    expect(secretsManager.commandCalls(GetSecretValueCommand)).toHaveLength(4);
  });

  it('refuse a current key shorter than 32 characters', async () => {
    secretsManager
      .on(GetSecretValueCommand, { SecretId: secretId, VersionStage: 'AWSCURRENT' })
      .resolves({ SecretString: 'short' });

    await expect(keysOf().keys()).rejects.toThrow(/at least 32 characters/);
  });

  it('fail when the secret cannot be read at all', async () => {
    secretsManager
      .on(GetSecretValueCommand, { SecretId: secretId, VersionStage: 'AWSCURRENT' })
      .rejects(notFound());

    await expect(keysOf().keys()).rejects.toThrow();
  });
});
