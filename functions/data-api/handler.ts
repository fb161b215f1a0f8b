import {
  allowOnly,
  apiRequestHandler,
  callerOf,
  createApiRouter,
  guestOf,
  instrumentHandler,
  jsonResponse,
  noContentResponse,
  parseCursorParameter,
  parseIdempotencyKey,
  parseIfMatch,
  parsePageSize,
  readJsonBody,
  refuseDeletedAccounts,
  requestIdOf,
  versionedResponse,
} from '@mobile-backend/domain/http';
import { createDataApi, dataApiConfig } from '@mobile-backend/domain/apps/data-api';

const config = dataApiConfig();
const { profiles, items, createItem, accountDeletion, accounts } = createDataApi(config);
const app = createApiRouter();
refuseDeletedAccounts(app, accounts);

app.get('/v1/me', async ({ event }) =>
  versionedResponse(200, await profiles.getOrCreate(callerOf(event))),
);

app.patch('/v1/me', async ({ event, req }) => {
  const caller = callerOf(event);
  const patch = await readJsonBody(req);
  const ifMatch = parseIfMatch(req.headers.get('if-match'));
  return versionedResponse(200, await profiles.update(caller, patch, ifMatch));
});

app.delete('/v1/me', async ({ event }) => {
  await accountDeletion.request(callerOf(event).userId);
  return jsonResponse(202, { status: 'deleting' });
});

app.get('/v1/items', async ({ event, req }) => {
  const caller = callerOf(event);
  const query = new URL(req.url).searchParams;
  const page = {
    limit: parsePageSize(query.get('limit')),
    cursor: parseCursorParameter(query.get('cursor')),
  };
  return jsonResponse(200, await items.list(caller.userId, page));
});

app.post('/v1/items', async ({ event, req, context }) => {
  const caller = callerOf(event);
  const idempotencyKey = parseIdempotencyKey(req.headers.get('idempotency-key'));
  const body = await readJsonBody(req);
  const item = await createItem({ userId: caller.userId, idempotencyKey, body }, context);
  return versionedResponse(201, item, { Location: `/v1/items/${item.id}` });
});

app.get('/v1/items/:id', async ({ event, params }) =>
  versionedResponse(200, await items.get(callerOf(event).userId, params.id ?? '')),
);

app.patch('/v1/items/:id', async ({ event, req, params }) => {
  const caller = callerOf(event);
  const patch = await readJsonBody(req);
  const ifMatch = parseIfMatch(req.headers.get('if-match'));
  return versionedResponse(200, await items.update(caller.userId, params.id ?? '', patch, ifMatch));
});

app.delete('/v1/items/:id', async ({ event, req, params }) => {
  const caller = callerOf(event);
  const ifMatch = parseIfMatch(req.headers.get('if-match'));
  await items.remove(caller.userId, params.id ?? '', ifMatch);
  return noContentResponse();
});

// The guest route (SigV4 with identity pool credentials): a public item, or 404.
app.get('/v1/public/items/:id', async ({ event, params }) => {
  guestOf(event);
  return versionedResponse(200, await items.getPublic(params.id ?? ''));
});

allowOnly(app, '/v1/me', ['GET', 'PATCH', 'DELETE']);
allowOnly(app, '/v1/items', ['GET', 'POST']);
allowOnly(app, '/v1/items/:id', ['GET', 'PATCH', 'DELETE']);
allowOnly(app, '/v1/public/items/:id', ['GET']);

export const handler = instrumentHandler(
  apiRequestHandler(app, { allowedOrigins: config.allowedOrigins }),
  { correlationIdOf: requestIdOf },
);
