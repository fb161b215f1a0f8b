import { PutSecretValueCommand, type SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import type { SecretWriter } from './media-signing-key-pair';

/** PutSecretValue: the new value becomes AWSCURRENT, the one it replaces AWSPREVIOUS. */
export class SecretsManagerSecretWriter implements SecretWriter {
  constructor(private readonly client: SecretsManagerClient) {}

  async write(secretId: string, value: string): Promise<void> {
    await this.client.send(new PutSecretValueCommand({ SecretId: secretId, SecretString: value }));
  }
}
