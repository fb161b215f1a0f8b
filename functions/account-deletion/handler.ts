import { instrumentHandler } from '@mobile-backend/domain/http';
import {
  accountDeletionAppConfig,
  createAccountErasure,
  parseAccountErasureRequest,
} from '@mobile-backend/domain/apps/account-deletion';

const erasure = createAccountErasure(accountDeletionAppConfig());

/**
 * One step of an account's erasure, `{ action, userId, ... }`, called by
 * AccountErasureStateMachine's Task states; a failure is the state's to retry.
 */
export const handler = instrumentHandler(async (event: unknown) =>
  erasure.run(parseAccountErasureRequest(event)),
);
