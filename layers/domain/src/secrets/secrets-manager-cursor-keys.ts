import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { ParameterNotFoundError } from '@aws-lambda-powertools/parameters/errors';
import { SecretsProvider } from '@aws-lambda-powertools/parameters/secrets';
import { tracer } from '../observability';
import {
  MIN_CURSOR_KEY_LENGTH,
  type CursorKeys,
  type CursorKeySource,
} from '../pagination/cursor-keys';

/**
 * The cursor-signing secret's AWSCURRENT version signs, AWSPREVIOUS (there is
 * none before the first rotation) still verifies. Powertools Parameters keeps
 * both for `maxAgeSeconds`, by default POWERTOOLS_PARAMETERS_MAX_AGE (the
 * template's CursorKeysMaxAgeSeconds): after a rotation, functions sign with
 * the new key within that time, and until then with the old one, which is
 * AWSPREVIOUS and accepted everywhere. Its cache key is the secret's name alone, so each
 * staging label gets a provider of its own, over one SDK client.
 */
export class SecretsManagerCursorKeys implements CursorKeySource {
  private readonly current: SecretsProvider;
  private readonly previous: SecretsProvider;

  constructor(
    client: SecretsManagerClient,
    private readonly secretId: string,
    private readonly maxAgeSeconds?: number,
  ) {
    this.current = new SecretsProvider({ awsSdkV3Client: client });
    this.previous = new SecretsProvider({ awsSdkV3Client: client });
  }

  static create(secretId: string): SecretsManagerCursorKeys {
    return new SecretsManagerCursorKeys(
      tracer.captureAWSv3Client(new SecretsManagerClient({})),
      secretId,
    );
  }

  async keys(): Promise<CursorKeys> {
    const [signing, previous] = await Promise.all([
      this.stage(this.current, 'AWSCURRENT'),
      this.stage(this.previous, 'AWSPREVIOUS').catch((error: unknown) => {
        if (error instanceof ParameterNotFoundError) return undefined;
        throw error;
      }),
    ]);
    if (signing === undefined || signing.length < MIN_CURSOR_KEY_LENGTH) {
      throw new Error(
        `The cursor-signing secret's current value must be at least ${MIN_CURSOR_KEY_LENGTH} characters`,
      );
    }
    const older =
      previous !== undefined && previous.length >= MIN_CURSOR_KEY_LENGTH ? [previous] : [];
    return { signing, verifying: [signing, ...older] };
  }

  private async stage(provider: SecretsProvider, stage: string): Promise<string | undefined> {
    const value = await provider.get(this.secretId, {
      ...(this.maxAgeSeconds !== undefined && { maxAge: this.maxAgeSeconds }),
      throwOnMissing: true,
      sdkOptions: { VersionStage: stage },
    });
    return typeof value === 'string' ? value : undefined;
  }
}
