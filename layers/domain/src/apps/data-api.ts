import type { AccountDeletionRequests } from '../accounts/account-deletion-requests';
import { AccountDeletion } from '../accounts/account-deletion';
import { ActiveAccounts } from '../accounts/active-accounts';
import { RecentlyActiveAccounts } from '../accounts/recently-active-accounts';
import type { DataApiConfig } from '../config';
import { createDocumentClient, createDynamoDbClient } from '../dynamodb';
import { idempotentOperation } from '../dynamodb-idempotency';
import type { IdempotentOperation } from '../dynamodb-idempotency';
import { DynamoDbItemStore } from '../items/dynamodb-item-store';
import type { Item } from '../items/item';
import { ItemOperations } from '../items/item-operations';
import { DynamoDbMediaStore } from '../media/dynamodb-media-store';
import { StoredMediaReferences } from '../media/stored-media-references';
import { CursorCodec } from '../pagination/cursor';
import { secretsManagerCursorKeys } from './parts/cursor-keys';
import { DynamoDbProfileStore } from '../profiles/dynamodb-profile-store';
import { ProfileOperations } from '../profiles/profile-operations';

export { dataApiConfig } from '../config';
export type { DataApiConfig } from '../config';

/** What DataApiFunction's routes call, wired to DynamoDB and Step Functions. */
export interface DataApi {
  profiles: ProfileOperations;
  items: ItemOperations;
  /** `POST /v1/items`, idempotent per `Idempotency-Key`. */
  createItem: IdempotentOperation<Item>;
  /** Marks the account, starts its erasure, and makes `accounts` refuse it at once here. */
  accountDeletion: Pick<AccountDeletion, 'request'>;
  /** Deleted accounts' tokens are refused on every route but `DELETE /v1/me`. */
  accounts: RecentlyActiveAccounts;
}

/** DataApiFunction. Call once at module scope: the clients it creates live for the whole execution environment. */
export function createDataApi(config: DataApiConfig): DataApi {
  const client = createDynamoDbClient();
  const documents = createDocumentClient(client);
  const profileStore = new DynamoDbProfileStore(documents, config.appTableName);
  // Media records live in the same table: checking them needs no S3 access.
  const media = new StoredMediaReferences(new DynamoDbMediaStore(documents, config.appTableName));
  const items = new ItemOperations(
    new DynamoDbItemStore(documents, config.appTableName),
    new CursorCodec(secretsManagerCursorKeys(config.cursorSigningSecretArn)),
    { media },
  );
  const accounts = new ActiveAccounts(profileStore);
  const gate = new RecentlyActiveAccounts(accounts);
  const deletion = new AccountDeletion(
    profileStore,
    stepFunctionsAccountDeletionRequests(config.accountErasureStateMachineArn),
  );
  return {
    accounts: gate,
    profiles: new ProfileOperations(profileStore, { media }),
    items,
    createItem: idempotentOperation(
      accounts.guard(({ userId, body }) => items.create(userId, body)),
      {
        client,
        tableName: config.idempotencyTableName,
        name: 'items.create',
      },
    ),
    accountDeletion: refusedHereAtOnce(deletion, gate),
  };
}

/** After `DELETE /v1/me` this environment refuses the account at once, not when its memory of it ends. */
function refusedHereAtOnce(
  deletion: AccountDeletion,
  gate: RecentlyActiveAccounts,
): Pick<AccountDeletion, 'request'> {
  return {
    async request(userId) {
      try {
        await deletion.request(userId);
      } finally {
        gate.forget(userId);
      }
    },
  };
}

// Loaded on first use: only DELETE /v1/me needs the Step Functions client, so
// the cold start of every other route does not pay for loading it.
function stepFunctionsAccountDeletionRequests(stateMachineArn: string): AccountDeletionRequests {
  let adapter: Promise<AccountDeletionRequests> | undefined;
  return {
    async request(userId) {
      adapter ??= import('../accounts/sfn-account-deletion-requests').then((module) =>
        module.StepFunctionsAccountDeletionRequests.create(stateMachineArn),
      );
      await (await adapter).request(userId);
    },
  };
}
