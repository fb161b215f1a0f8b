import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import type { SecretsManagerRotationEvent } from 'aws-lambda';
import { tracer } from '../observability';
import { randomKeyPolicy } from '../secrets/random-key-policy';
import { SecretRotation } from '../secrets/secret-rotation';
import { SecretsManagerRotatingSecrets } from '../secrets/secrets-manager-rotating-secrets';

export type { SecretsManagerRotationEvent } from 'aws-lambda';

/** CursorKeyRotationFunction: Secrets Manager's rotation steps for the cursor-signing secret. Call once at module scope. */
export function createCursorKeyRotation(): (event: SecretsManagerRotationEvent) => Promise<void> {
  const rotation = new SecretRotation(
    new SecretsManagerRotatingSecrets(tracer.captureAWSv3Client(new SecretsManagerClient({}))),
    randomKeyPolicy,
  );
  return (event) => rotation.rotate(event);
}
