import {
  accountDeletionConfig,
  createAccountEraser,
  instrumentHandler,
  mediaErasureBucket,
  parseAccountDeletionRequest,
} from '@mobile-backend/domain';

const eraser = createAccountEraser(accountDeletionConfig(), {
  bucketName: mediaErasureBucket(),
});

/** Invoked asynchronously by DELETE /v1/me with `{ userId }`; a failure makes Lambda retry. */
export const handler = instrumentHandler(async (event: unknown) => {
  const { userId } = parseAccountDeletionRequest(event);
  return { userId, outcome: await eraser.erase(userId) };
});
