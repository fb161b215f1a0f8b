import { GetSecretValueCommand, type SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import type { SecretReader } from './platform-applications';

/** Secrets Manager; the endpoint comes from AWS_ENDPOINT_URL_SECRETS_MANAGER when set. */
export class SecretsManagerSecretReader implements SecretReader {
  constructor(private readonly client: SecretsManagerClient) {}

  async read(secretId: string): Promise<string> {
    const { SecretString } = await this.client.send(
      new GetSecretValueCommand({ SecretId: secretId }),
    );
    if (SecretString === undefined) {
      throw new Error(`The secret ${secretId} holds no SecretString (binary secrets are not read)`);
    }
    return SecretString;
  }
}
