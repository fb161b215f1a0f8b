import type { SecretsManagerRotationEvent } from 'aws-lambda';
import { logger } from '../observability';

export const CURRENT = 'AWSCURRENT';
export const PENDING = 'AWSPENDING';

/** Staging labels by version id, as DescribeSecret lists them. */
export type SecretVersionStages = Readonly<Record<string, readonly string[]>>;

/** What rotating one secret needs from Secrets Manager. */
export interface RotatingSecrets {
  describe(secretId: string): Promise<{ rotationEnabled: boolean; versions: SecretVersionStages }>;
  /** The value of one version with one label; undefined when that version has no such label. */
  valueOf(secretId: string, versionId: string, stage: string): Promise<string | undefined>;
  /** A new version `versionId` labelled AWSPENDING. */
  putPending(secretId: string, versionId: string, value: string): Promise<void>;
  /** AWSCURRENT onto `versionId` (Secrets Manager moves AWSPREVIOUS onto the one it leaves). */
  makeCurrent(secretId: string, versionId: string, currentVersionId: string): Promise<void>;
}

/** A new value for the secret, and whether a value is one this rotation would accept. */
export interface SecretValuePolicy {
  generate(): string;
  accepts(value: string): boolean;
}

/**
 * The four steps Secrets Manager invokes a rotation function with, for a
 * secret that only this stack uses (a random key): createSecret stores a new
 * AWSPENDING version, setSecret has no other system to tell, testSecret checks
 * the pending value, finishSecret makes it AWSCURRENT. Each step is safe to
 * repeat, since Secrets Manager retries a step that failed.
 */
export class SecretRotation {
  constructor(
    private readonly secrets: RotatingSecrets,
    private readonly policy: SecretValuePolicy,
  ) {}

  async rotate(event: SecretsManagerRotationEvent): Promise<void> {
    const { SecretId: secretId, ClientRequestToken: token, Step: step } = event;
    const { rotationEnabled, versions } = await this.secrets.describe(secretId);
    if (!rotationEnabled) throw new Error(`Rotation is not enabled for ${secretId}`);
    const stages = versions[token];
    if (stages === undefined) throw new Error(`${secretId} has no version ${token} to rotate to`);
    if (stages.includes(CURRENT)) {
      logger.info('Rotation step skipped: the version is already current', { step });
      return;
    }
    if (!stages.includes(PENDING))
      throw new Error(`Version ${token} of ${secretId} is not pending`);
    switch (step) {
      case 'createSecret':
        return this.createSecret(secretId, token);
      case 'setSecret':
        return;
      case 'testSecret':
        return this.testSecret(secretId, token);
      case 'finishSecret':
        return this.secrets.makeCurrent(secretId, token, currentVersionOf(versions, secretId));
    }
  }

  private async createSecret(secretId: string, token: string): Promise<void> {
    // A retried createSecret finds the value it stored the first time.
    if ((await this.secrets.valueOf(secretId, token, PENDING)) !== undefined) return;
    await this.secrets.putPending(secretId, token, this.policy.generate());
  }

  private async testSecret(secretId: string, token: string): Promise<void> {
    const pending = await this.secrets.valueOf(secretId, token, PENDING);
    if (pending === undefined || !this.policy.accepts(pending)) {
      throw new Error(`The pending value of ${secretId} is not a usable key`);
    }
  }
}

function currentVersionOf(versions: SecretVersionStages, secretId: string): string {
  const current = Object.entries(versions).find(([, stages]) => stages.includes(CURRENT));
  if (!current) throw new Error(`${secretId} has no AWSCURRENT version`);
  return current[0];
}
