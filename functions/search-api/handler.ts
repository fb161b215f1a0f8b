import {
  allowOnly,
  apiRequestHandler,
  callerOf,
  createApiRouter,
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

allowOnly(app, '/v1/search', ['GET']);

export const handler = instrumentHandler(
  apiRequestHandler(app, { allowedOrigins: config.allowedOrigins }),
  { correlationIdOf: requestIdOf },
);
