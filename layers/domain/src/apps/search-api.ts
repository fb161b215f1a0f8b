import { CursorCodec } from '../pagination/cursor';
import { secretsManagerCursorKeys } from './parts/cursor-keys';
import type { SearchApiConfig } from '../search/search-config';
import { SearchOperations } from '../search/search-operations';
import { searchIndexOf } from './parts/search-engine';

export { searchApiConfig } from '../search/search-config';
export type { SearchApiConfig } from '../search/search-config';
export { parseSearchParameters } from '../search/search-parameters';

/** SearchApiFunction's operations. Call once at module scope. */
export function createSearchApi(config: SearchApiConfig): SearchOperations {
  return new SearchOperations(
    searchIndexOf(config.engine, 'search'),
    new CursorCodec(secretsManagerCursorKeys(config.cursorSigningSecretArn)),
  );
}
