import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { SNSClient } from '@aws-sdk/client-sns';
import {
  createCustomResourceHandler,
  type CustomResourceHandler,
} from '../custom-resources/custom-resource';
import { tracer } from '../observability';
import { PushPlatformApplications } from '../messaging/push/platform-applications';
import { SecretsManagerSecretReader } from '../messaging/push/secrets-manager-secret-reader';
import { SnsPlatformApplications } from '../messaging/push/sns-platform-applications';

/** PushPlatformApplicationsFunction: the custom resource behind `Custom::PushPlatformApplication`. Call once at module scope. */
export function createPushPlatformApplicationsResource(): CustomResourceHandler {
  return createCustomResourceHandler(
    new PushPlatformApplications(
      new SnsPlatformApplications(tracer.captureAWSv3Client(new SNSClient({}))),
      new SecretsManagerSecretReader(tracer.captureAWSv3Client(new SecretsManagerClient({}))),
    ),
  );
}
