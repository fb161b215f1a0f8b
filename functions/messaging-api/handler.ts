import {
  allowOnly,
  apiRequestHandler,
  callerOf,
  createApiRouter,
  instrumentHandler,
  jsonResponse,
  noContentResponse,
  parseCursorParameter,
  parseIdempotencyKey,
  parsePageSize,
  readJsonBody,
  refuseDeletedAccounts,
  requestIdOf,
} from '@mobile-backend/domain/http';
import { createMessagingApi, messagingApiConfig } from '@mobile-backend/domain/apps/messaging-api';

const config = messagingApiConfig();
const { devices, messages, sendMessage, accounts } = createMessagingApi(config);
const app = createApiRouter();
refuseDeletedAccounts(app, accounts);

function pageOf(url: string) {
  const query = new URL(url).searchParams;
  return {
    limit: parsePageSize(query.get('limit')),
    cursor: parseCursorParameter(query.get('cursor')),
  };
}

app.post('/v1/devices', async ({ event, req }) =>
  jsonResponse(201, await devices.register(callerOf(event).userId, await readJsonBody(req))),
);

app.get('/v1/devices', async ({ event }) =>
  jsonResponse(200, await devices.list(callerOf(event).userId)),
);

app.delete('/v1/devices/:deviceId', async ({ event, params }) => {
  await devices.remove(callerOf(event).userId, params.deviceId ?? '');
  return noContentResponse();
});

app.post('/v1/messages', async ({ event, req, context }) => {
  const caller = callerOf(event);
  const idempotencyKey = parseIdempotencyKey(req.headers.get('idempotency-key'));
  const body = await readJsonBody(req);
  return jsonResponse(
    202,
    await sendMessage({ userId: caller.userId, idempotencyKey, body }, context),
  );
});

app.get('/v1/conversations', async ({ event, req }) =>
  jsonResponse(200, await messages.listConversations(callerOf(event).userId, pageOf(req.url))),
);

app.get('/v1/conversations/:peerId/messages', async ({ event, req, params }) =>
  jsonResponse(
    200,
    await messages.listMessages(callerOf(event).userId, params.peerId ?? '', pageOf(req.url)),
  ),
);

allowOnly(app, '/v1/devices', ['GET', 'POST']);
allowOnly(app, '/v1/devices/:deviceId', ['DELETE']);
allowOnly(app, '/v1/messages', ['POST']);
allowOnly(app, '/v1/conversations', ['GET']);
allowOnly(app, '/v1/conversations/:peerId/messages', ['GET']);

export const handler = instrumentHandler(
  apiRequestHandler(app, { allowedOrigins: config.allowedOrigins }),
  { correlationIdOf: requestIdOf },
);
