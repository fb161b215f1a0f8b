import { ActiveAccounts } from '../accounts/active-accounts';
import { createDocumentClient, createDynamoDbClient } from '../dynamodb';
import { CursorCodec } from '../pagination/cursor';
import { DynamoDbProfileStore } from '../profiles/dynamodb-profile-store';
import { secretsManagerCursorKeys } from './parts/cursor-keys';
import type { SearchApiConfig } from '../search/search-config';
import { SearchOperations } from '../search/search-operations';
import { searchIndexOf } from './parts/search-engine';

export { searchApiConfig } from '../search/search-config';
export type { SearchApiConfig } from '../search/search-config';
export { parseSearchParameters } from '../search/search-parameters';

/** What SearchApiFunction's route calls. */
export interface SearchApi {
  search: SearchOperations;
  /** Deleted accounts' tokens are refused on every route. */
  accounts: ActiveAccounts;
}

/** SearchApiFunction's operations. Call once at module scope. */
export function createSearchApi(config: SearchApiConfig): SearchApi {
  const documents = createDocumentClient(createDynamoDbClient());
  return {
    search: new SearchOperations(
      searchIndexOf(config.engine, 'search'),
      new CursorCodec(secretsManagerCursorKeys(config.cursorSigningSecretArn)),
    ),
    accounts: new ActiveAccounts(new DynamoDbProfileStore(documents, config.appTableName)),
  };
}
