import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { accountErasureSteps, AccountEraser, type ErasureStep } from '../accounts/account-eraser';
import { CognitoIdentityDirectory } from '../accounts/cognito-identity-directory';
import { accountDeletionConfig, type AccountDeletionConfig, type Environment } from '../config';
import { createDocumentClient, createDynamoDbClient } from '../dynamodb';
import { DynamoDbItemStore } from '../items/dynamodb-item-store';
import { DynamoDbMediaStore } from '../media/dynamodb-media-store';
import { CloudFrontMediaCache } from '../media/cloudfront-media-cache';
import { noMediaCache } from '../media/media-cache';
import { mediaErasureBucket, mediaErasureDistribution } from '../media/media-config';
import { MediaErasure } from '../media/media-erasure';
import { createS3Client, S3MediaObjects } from '../media/s3-media-objects';
import { DeviceOperations } from '../messaging/devices/device-operations';
import { DynamoDbDeviceStore } from '../messaging/devices/dynamodb-device-store';
import { DynamoDbConversationStore } from '../messaging/dynamodb-conversation-store';
import { messagingErasureSteps } from '../messaging/messaging-erasure';
import { SnsPushSender } from '../messaging/push/sns-push-sender';
import { DynamoDbProfileStore } from '../profiles/dynamodb-profile-store';
import { createRealtime } from './parts/realtime';

export { parseAccountDeletionRequest } from '../accounts/account-deletion-request';

/** AccountDeletionFunction's configuration: the account's table and pool, and the media bucket. */
export interface AccountDeletionAppConfig extends AccountDeletionConfig {
  mediaBucketName: string;
  /** Where the erased media are invalidated; undefined for none. */
  mediaDistributionId?: string | undefined;
}

export function accountDeletionAppConfig(env: Environment = process.env): AccountDeletionAppConfig {
  return {
    ...accountDeletionConfig(env),
    mediaBucketName: mediaErasureBucket(env),
    mediaDistributionId: mediaErasureDistribution(env),
  };
}

/** AccountDeletionFunction's eraser, wired to DynamoDB, Cognito, S3, SNS and `@connections`. Call once at module scope. */
export function createAccountEraser(config: AccountDeletionAppConfig): AccountEraser {
  const documents = createDocumentClient(createDynamoDbClient());
  const profiles = new DynamoDbProfileStore(documents, config.appTableName);
  return new AccountEraser(
    profiles,
    accountErasureSteps({
      items: new DynamoDbItemStore(documents, config.appTableName),
      identities: CognitoIdentityDirectory.create(config.userPoolId),
      profiles,
      messaging: messagingErasureStepsOf(documents, config.appTableName),
      connections: createRealtime(
        {
          appTableName: config.appTableName,
          managementEndpoint: config.webSocketManagementEndpoint,
        },
        documents,
      ),
      media: new MediaErasure(
        new DynamoDbMediaStore(documents, config.appTableName),
        new S3MediaObjects(createS3Client(), config.mediaBucketName),
        config.mediaDistributionId
          ? CloudFrontMediaCache.create(config.mediaDistributionId)
          : noMediaCache,
      ),
    }),
  );
}

/** Devices and conversations; no platform application is needed to delete endpoints. */
function messagingErasureStepsOf(
  documents: DynamoDBDocumentClient,
  appTableName: string,
): ErasureStep[] {
  const noApplications = { ios: '', android: '' };
  return messagingErasureSteps({
    devices: new DeviceOperations(
      new DynamoDbDeviceStore(documents, appTableName),
      SnsPushSender.create(),
      noApplications,
    ),
    conversations: new DynamoDbConversationStore(documents, appTableName),
  });
}
