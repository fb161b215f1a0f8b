import type { CursorKeySource } from '../../pagination/cursor-keys';
import { onFirstUse } from './on-first-use';

/**
 * The cursor-signing keys from Secrets Manager, loaded on first use: only
 * the routes that hand out or read a page cursor need the Secrets Manager
 * client and Powertools Parameters.
 */
export function secretsManagerCursorKeys(secretArn: string): CursorKeySource {
  return onFirstUse<CursorKeySource>(
    async () =>
      (await import('../../secrets/secrets-manager-cursor-keys')).SecretsManagerCursorKeys.create(
        secretArn,
      ),
    { keys: true },
  );
}
