import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { SecretsProvider } from '@aws-lambda-powertools/parameters/secrets';
import { tracer } from '../observability';
import type { MediaSigningKey } from './media-delivery';

/**
 * The media signing key's secret, read with Powertools Parameters: fetched at
 * the first signed URL of an execution environment, then served from its cache
 * (POWERTOOLS_PARAMETERS_MAX_AGE), so that a new key pair is picked up without a redeploy.
 */
export class SecretsManagerSigningKey implements MediaSigningKey {
  private readonly secrets: SecretsProvider;

  constructor(
    client: SecretsManagerClient,
    private readonly secretId: string,
  ) {
    this.secrets = new SecretsProvider({ awsSdkV3Client: client });
  }

  static create(secretId: string): SecretsManagerSigningKey {
    return new SecretsManagerSigningKey(
      tracer.captureAWSv3Client(new SecretsManagerClient({})),
      secretId,
    );
  }

  async privateKey(): Promise<string> {
    const value = await this.secrets.get(this.secretId, { throwOnMissing: true });
    if (typeof value !== 'string' || !value.includes('PRIVATE KEY')) {
      throw new Error('The media signing secret holds no PEM private key');
    }
    return value;
  }
}
