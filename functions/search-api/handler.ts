import {
  allowOnly,
  apiRequestHandler,
  callerOf,
  createApiRouter,
  guestOf,
  instrumentHandler,
  jsonResponse,
  refuseDeletedAccounts,
  requestIdOf,
} from '@mobile-backend/domain/http';
import {
  createSearchApi,
  parseSearchParameters,
  searchApiConfig,
} from '@mobile-backend/domain/apps/search-api';

const config = searchApiConfig();
const { search, accounts } = createSearchApi(config);
const app = createApiRouter();
refuseDeletedAccounts(app, accounts);

app.get('/v1/search', async ({ event, req }) => {
  const caller = callerOf(event);
  const parameters = parseSearchParameters(new URL(req.url).searchParams);
  return jsonResponse(200, await search.search(caller.userId, parameters));
});

// The guest route (SigV4 with identity pool credentials): public items only.
app.get('/v1/public/search', async ({ event, req }) => {
  const guest = guestOf(event);
  const parameters = parseSearchParameters(new URL(req.url).searchParams);
  return jsonResponse(200, await search.searchPublic(guest.identityId, parameters));
});

allowOnly(app, '/v1/search', ['GET']);
allowOnly(app, '/v1/public/search', ['GET']);

export const handler = instrumentHandler(
  apiRequestHandler(app, { allowedOrigins: config.allowedOrigins }),
  { correlationIdOf: requestIdOf },
);
