import { accountErasureSteps, AccountEraser } from './accounts/account-eraser';
import { CognitoIdentityDirectory } from './accounts/cognito-identity-directory';
import type { AccountDeletionConfig } from './config';
import { createDocumentClient, createDynamoDbClient } from './dynamodb';
import { DynamoDbItemStore } from './items/dynamodb-item-store';
import { createMessagingErasureSteps } from './messaging/messaging-erasure';
import { DynamoDbProfileStore } from './profiles/dynamodb-profile-store';
import { DynamoDbMediaStore } from './media/dynamodb-media-store';
import { MediaErasure } from './media/media-erasure';
import { createS3Client, S3MediaObjects } from './media/s3-media-objects';
import { createRealtime } from './realtime-app';

/** AccountDeletionFunction's eraser, wired to DynamoDB and Cognito. Call once at module scope. */
export function createAccountEraser(
  config: AccountDeletionConfig,
  media?: { bucketName: string },
): AccountEraser {
  const documents = createDocumentClient(createDynamoDbClient());
  const profiles = new DynamoDbProfileStore(documents, config.appTableName);
  return new AccountEraser(
    profiles,
    accountErasureSteps({
      items: new DynamoDbItemStore(documents, config.appTableName),
      identities: CognitoIdentityDirectory.create(config.userPoolId),
      profiles,
      messaging: createMessagingErasureSteps(documents, config.appTableName),
      connections: createRealtime(
        {
          appTableName: config.appTableName,
          managementEndpoint: config.webSocketManagementEndpoint,
        },
        documents,
      ),
      ...(media && {
        media: new MediaErasure(
          new DynamoDbMediaStore(documents, config.appTableName),
          new S3MediaObjects(createS3Client(), media.bucketName),
        ),
      }),
    }),
  );
}
