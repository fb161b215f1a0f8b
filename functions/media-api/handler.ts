import {
  allowOnly,
  apiRequestHandler,
  callerOf,
  createApiRouter,
  instrumentHandler,
  jsonResponse,
  noContentResponse,
  parseIdempotencyKey,
  readJsonBody,
  refuseDeletedAccounts,
  requestIdOf,
} from '@mobile-backend/domain/http';
import { createMediaApi, mediaApiConfig } from '@mobile-backend/domain/apps/media-api';

const config = mediaApiConfig();
const { media, requestUpload, accounts } = createMediaApi(config);
const app = createApiRouter();
refuseDeletedAccounts(app, accounts);

app.post('/v1/media', async ({ event, req, context }) => {
  const caller = callerOf(event);
  const idempotencyKey = parseIdempotencyKey(req.headers.get('idempotency-key'));
  const body = await readJsonBody(req);
  const upload = await requestUpload({ userId: caller.userId, idempotencyKey, body }, context);
  return jsonResponse(201, upload, { Location: `/v1/media/${upload.mediaId}` });
});

// `?item=<itemId>`: someone else's media, seen through a public item that holds it.
app.get('/v1/media/:mediaId', async ({ event, req, params }) => {
  const callerId = callerOf(event).userId;
  const itemId = new URL(req.url).searchParams.get('item');
  const mediaId = params.mediaId ?? '';
  const view =
    itemId === null
      ? await media.get(callerId, mediaId)
      : await media.getThroughItem(callerId, mediaId, itemId);
  return jsonResponse(200, view);
});

app.delete('/v1/media/:mediaId', async ({ event, params }) => {
  await media.remove(callerOf(event).userId, params.mediaId ?? '');
  return noContentResponse();
});

allowOnly(app, '/v1/media', ['POST']);
allowOnly(app, '/v1/media/:mediaId', ['GET', 'DELETE']);

export const handler = instrumentHandler(
  apiRequestHandler(app, { allowedOrigins: config.allowedOrigins }),
  { correlationIdOf: requestIdOf },
);
