import type { APIGatewayProxyEvent, APIGatewayProxyResult } from 'aws-lambda';
import {
  AccountDeletedError,
  apiRequestHandler,
  createApiRouter,
  refuseDeletedAccounts,
} from '@mobile-backend/domain/http';
import { apiGatewayEvent, lambdaContext } from '../../functions/api-gateway-event';

/** A router behind the gate, with accounts of which `deleted-user` is being erased. */
function gatedApi() {
  const checked: string[] = [];
  const router = createApiRouter();
  router.get('/v1/items', () => ({ items: [] }));
  router.get('/v1/public/items/:id', ({ params }) => ({ id: params.id }));
  router.delete('/v1/me', () => ({ status: 'deleting' }));
  refuseDeletedAccounts(router, {
    async assertActive(userId) {
      checked.push(userId);
      if (userId === 'deleted-user') throw new AccountDeletedError('This account is deleted');
    },
  });
  const handler = apiRequestHandler(router, { allowedOrigins: ['*'] });
  const send = (event: APIGatewayProxyEvent): Promise<APIGatewayProxyResult> =>
    handler(event, lambdaContext('DataApiFunction'));
  const call = (method: string, path: string, sub: string) =>
    send(apiGatewayEvent({ method, path, sub }));
  return { call, send, checked };
}

/** A SigV4-signed guest request: API Gateway's AWS_IAM authorization adds an identity, no claims. */
function guestEvent(): APIGatewayProxyEvent {
  const event = apiGatewayEvent({
    method: 'GET',
    path: '/v1/public/items/01J',
    resource: '/v1/public/items/{id}',
    pathParameters: { id: '01J' },
  });
  delete (event.requestContext as { authorizer?: unknown }).authorizer;
  event.requestContext.identity = {
    ...event.requestContext.identity,
    cognitoIdentityId: 'us-east-1:0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0',
  };
  return event;
}

describe('the deleted-account gate', () => {
  it("refuses a deleted account's token with 403 account-deleted", async () => {
    const api = gatedApi();

    const reply = await api.call('GET', '/v1/items', 'deleted-user');

    expect(reply.statusCode).toBe(403);
    expect(JSON.parse(reply.body)).toMatchObject({
      type: expect.stringContaining('account-deleted'),
    });
  });

  it('lets an active account through', async () => {
    const api = gatedApi();

    const reply = await api.call('GET', '/v1/items', 'active-user');

    expect(reply.statusCode).toBe(200);
    expect(api.checked).toEqual(['active-user']);
  });

  it('still lets a deleted account ask for its deletion again', async () => {
    const api = gatedApi();

    const reply = await api.call('DELETE', '/v1/me', 'deleted-user');

    expect(reply.statusCode).toBe(200);
  });

  it('checks no account on a guest route, which a signed guest calls without a token', async () => {
    const api = gatedApi();

    const reply = await api.send(guestEvent());

    expect(reply.statusCode).toBe(200);
    expect(api.checked).toEqual([]);
  });
});
