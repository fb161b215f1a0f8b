import { AccountErasure } from '../accounts/account-erasure';
import { CognitoIdentityDirectory } from '../accounts/cognito-identity-directory';
import { accountDeletionConfig, type AccountDeletionConfig, type Environment } from '../config';
import { createDocumentClient, createDynamoDbClient } from '../dynamodb';
import { DynamoDbItemStore } from '../items/dynamodb-item-store';
import { CloudFrontMediaCache } from '../media/cloudfront-media-cache';
import { DynamoDbMediaStore } from '../media/dynamodb-media-store';
import { noMediaCache } from '../media/media-cache';
import { mediaErasureBucket, mediaErasureDistribution } from '../media/media-config';
import { MediaErasure } from '../media/media-erasure';
import { createS3Client, S3MediaObjects } from '../media/s3-media-objects';
import { DeviceOperations } from '../messaging/devices/device-operations';
import { DynamoDbDeviceStore } from '../messaging/devices/dynamodb-device-store';
import { DynamoDbConversationStore } from '../messaging/dynamodb-conversation-store';
import { SnsPushSender } from '../messaging/push/sns-push-sender';
import { DynamoDbProfileStore } from '../profiles/dynamodb-profile-store';
import { createRealtime } from './parts/realtime';
import { ApiGatewayConnectionMessenger } from '../realtime/api-gateway-connection-messenger';

export { parseAccountErasureRequest } from '../accounts/account-erasure-request';

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

/**
 * AccountDeletionFunction's erasure steps, wired to DynamoDB, Cognito, S3, SNS
 * and `@connections`. Call once at module scope.
 */
export function createAccountErasure(config: AccountDeletionAppConfig): AccountErasure {
  const documents = createDocumentClient(createDynamoDbClient());
  // No platform application is needed to delete endpoints.
  const noApplications = { ios: '', android: '' };
  return new AccountErasure({
    profiles: new DynamoDbProfileStore(documents, config.appTableName),
    items: new DynamoDbItemStore(documents, config.appTableName),
    media: new MediaErasure(
      new DynamoDbMediaStore(documents, config.appTableName),
      new S3MediaObjects(createS3Client(), config.mediaBucketName),
      config.mediaDistributionId
        ? CloudFrontMediaCache.create(config.mediaDistributionId)
        : noMediaCache,
    ),
    devices: new DeviceOperations(
      new DynamoDbDeviceStore(documents, config.appTableName),
      SnsPushSender.create(),
      noApplications,
    ),
    conversations: new DynamoDbConversationStore(documents, config.appTableName),
    connections: createRealtime(
      { appTableName: config.appTableName },
      ApiGatewayConnectionMessenger.create(config.webSocketManagementEndpoint),
      documents,
    ),
    identities: CognitoIdentityDirectory.create(config.userPoolId),
  });
}
