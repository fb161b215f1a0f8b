import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import {
  createCustomResourceHandler,
  type CustomResourceHandler,
} from '../custom-resources/custom-resource';
import { MediaSigningKeyPairs } from '../media/media-signing-key-pair';
import { SecretsManagerSecretWriter } from '../media/secrets-manager-secret-writer';
import { tracer } from '../observability';

/** MediaSigningKeyFunction: the custom resource behind `Custom::MediaSigningKeyPair`. Call once at module scope. */
export function createMediaSigningKeyResource(): CustomResourceHandler {
  return createCustomResourceHandler(
    new MediaSigningKeyPairs(
      new SecretsManagerSecretWriter(tracer.captureAWSv3Client(new SecretsManagerClient({}))),
    ),
  );
}
