import { instrumentHandler } from '@mobile-backend/domain/http';
import {
  accountDeletionAppConfig,
  createAccountEraser,
  parseAccountDeletionRequest,
} from '@mobile-backend/domain/apps/account-deletion';

const eraser = createAccountEraser(accountDeletionAppConfig());

/** Invoked asynchronously by DELETE /v1/me with `{ userId }`; a failure makes Lambda retry. */
export const handler = instrumentHandler(async (event: unknown) => {
  const { userId } = parseAccountDeletionRequest(event);
  return { userId, outcome: await eraser.erase(userId) };
});
