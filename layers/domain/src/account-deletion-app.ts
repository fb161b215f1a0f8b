import { accountErasureSteps, AccountEraser } from './accounts/account-eraser';
import { CognitoIdentityDirectory } from './accounts/cognito-identity-directory';
import type { AccountDeletionConfig } from './config';
import { createDocumentClient, createDynamoDbClient } from './dynamodb';
import { DynamoDbItemStore } from './items/dynamodb-item-store';
import { DynamoDbProfileStore } from './profiles/dynamodb-profile-store';

/** AccountDeletionFunction's eraser, wired to DynamoDB and Cognito. Call once at module scope. */
export function createAccountEraser(config: AccountDeletionConfig): AccountEraser {
  const documents = createDocumentClient(createDynamoDbClient());
  const profiles = new DynamoDbProfileStore(documents, config.appTableName);
  return new AccountEraser(
    profiles,
    accountErasureSteps({
      items: new DynamoDbItemStore(documents, config.appTableName),
      identities: CognitoIdentityDirectory.create(config.userPoolId),
      profiles,
    }),
  );
}
