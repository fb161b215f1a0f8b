import {
  DescribeSecretCommand,
  GetSecretValueCommand,
  PutSecretValueCommand,
  ResourceNotFoundException,
  UpdateSecretVersionStageCommand,
  type SecretsManagerClient,
} from '@aws-sdk/client-secrets-manager';
import { CURRENT, PENDING, type RotatingSecrets } from './secret-rotation';

/** Secrets Manager; the endpoint comes from AWS_ENDPOINT_URL_SECRETS_MANAGER when set. */
export class SecretsManagerRotatingSecrets implements RotatingSecrets {
  constructor(private readonly client: SecretsManagerClient) {}

  async describe(secretId: string) {
    const secret = await this.client.send(new DescribeSecretCommand({ SecretId: secretId }));
    return {
      rotationEnabled: secret.RotationEnabled === true,
      versions: secret.VersionIdsToStages ?? {},
    };
  }

  async valueOf(secretId: string, versionId: string, stage: string): Promise<string | undefined> {
    try {
      const { SecretString } = await this.client.send(
        new GetSecretValueCommand({
          SecretId: secretId,
          VersionId: versionId,
          VersionStage: stage,
        }),
      );
      return SecretString;
    } catch (error) {
      if (error instanceof ResourceNotFoundException) return undefined;
      throw error;
    }
  }

  async putPending(secretId: string, versionId: string, value: string): Promise<void> {
    await this.client.send(
      new PutSecretValueCommand({
        SecretId: secretId,
        ClientRequestToken: versionId,
        SecretString: value,
        VersionStages: [PENDING],
      }),
    );
  }

  async makeCurrent(secretId: string, versionId: string, currentVersionId: string): Promise<void> {
    await this.client.send(
      new UpdateSecretVersionStageCommand({
        SecretId: secretId,
        VersionStage: CURRENT,
        MoveToVersionId: versionId,
        RemoveFromVersionId: currentVersionId,
      }),
    );
  }
}
