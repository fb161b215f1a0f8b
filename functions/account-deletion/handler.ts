import { instrumentHandler } from '@mobile-backend/domain/http';
import {
  accountDeletionConfig,
  createAccountEraser,
  parseAccountDeletionRequest,
} from '@mobile-backend/domain/accounts';
import { mediaErasureBucket } from '@mobile-backend/domain/media';

const eraser = createAccountEraser(accountDeletionConfig(), {
  bucketName: mediaErasureBucket(),
});

/** Invoked asynchronously by DELETE /v1/me with `{ userId }`; a failure makes Lambda retry. */
export const handler = instrumentHandler(async (event: unknown) => {
  const { userId } = parseAccountDeletionRequest(event);
  return { userId, outcome: await eraser.erase(userId) };
});
