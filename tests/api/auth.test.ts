import { forgeIdToken } from './support/forged-tokens';
import { call } from './support/http';
import { InitiateAuthCommand } from '@aws-sdk/client-cognito-identity-provider';
import { sandboxOutputs } from './support/outputs';
import { cognito, newUser, type TestUser } from './support/users';

let user: TestUser;

beforeAll(async () => {
  user = await newUser();
});

describe('the Cognito authorizer in front of every route', () => {
  it('answers 401 problem details when no token is sent', async () => {
    const reply = await call('GET', '/v1/me');

    expect(reply.status).toBe(401);
    expect(reply.headers.get('content-type')).toContain('application/problem+json');
    expect(reply.json).toMatchObject({ status: 401, title: 'Unauthorized' });
    expect(reply.json.requestId).toBe(reply.headers.get('x-request-id'));
  });

  it('answers 401 to a token that has expired', async () => {
    const token = await forgeIdToken({ sub: user.sub, expiresIn: -60 });

    const reply = await call('GET', '/v1/me', { token });

    expect(reply.status).toBe(401);
  });

  it('answers 401 to a token signed with another key', async () => {
    const token = await forgeIdToken({ sub: user.sub, foreignKey: true });

    const reply = await call('GET', '/v1/me', { token });

    expect(reply.status).toBe(401);
  });

  it('answers 401 to a token issued for another app client', async () => {
    const token = await forgeIdToken({ sub: user.sub, audience: 'some-other-client' });

    const reply = await call('GET', '/v1/items', { token });

    expect(reply.status).toBe(401);
  });

  it('answers 401 to a token from another issuer', async () => {
    const token = await forgeIdToken({ sub: user.sub, issuer: 'http://127.0.0.1:1/local_other' });

    const reply = await call('GET', '/v1/items', { token });

    expect(reply.status).toBe(401);
  });

  it('answers 401 to a malformed token', async () => {
    const reply = await call('GET', '/v1/me', { token: 'not.a.jwt' });

    expect(reply.status).toBe(401);
  });

  it('lets a valid ID token through, with its subject as the caller', async () => {
    const reply = await call('GET', '/v1/me', { token: user.idToken });

    expect(reply.status).toBe(200);
    expect(reply.json.userId).toBe(user.sub);
  });

  it('answers 401 to an access token, as API Gateway does on methods without AuthorizationScopes', async () => {
    const reply = await call('GET', '/v1/items', { token: user.accessToken });

    expect(reply.status).toBe(401);
  });

  it('answers a CORS preflight at the gateway without a token', async () => {
    const reply = await call('OPTIONS', '/v1/items', {
      headers: { Origin: 'https://app.example.com', 'Access-Control-Request-Method': 'POST' },
    });

    expect(reply.status).toBe(200);
    expect(reply.headers.get('access-control-allow-methods')).toContain('POST');
    expect(reply.headers.get('access-control-allow-headers')).toContain('Idempotency-Key');
  });

  it('sends CORS and request id headers on handler responses', async () => {
    const reply = await call('GET', '/v1/items', { token: user.idToken });

    expect(reply.headers.get('access-control-allow-origin')).toBe('*');
    expect(reply.headers.get('x-request-id')).toMatch(/\S+/);
  });

  it('answers 404 problem details for a route that does not exist', async () => {
    const reply = await call('GET', '/v1/nothing-here', { token: user.idToken });

    expect(reply.status).toBe(404);
    expect(reply.headers.get('content-type')).toContain('application/problem+json');
  });
});

describe('a password sign-in that fails, as Cognito answers it', () => {
  const signInWith = (email: string, password: string) =>
    cognito()
      .send(
        new InitiateAuthCommand({
          AuthFlow: 'USER_PASSWORD_AUTH',
          ClientId: sandboxOutputs().UserPoolClientId,
          AuthParameters: { USERNAME: email, PASSWORD: password },
        }),
      )
      .catch((error: unknown) => error);

  it('refuses a wrong password and an unknown user alike, so neither says which it was', async () => {
    const wrongPassword = await signInWith(user.email, `${user.password}-wrong`);
    const unknownUser = await signInWith(`nobody-${user.sub}@example.com`, user.password);

    for (const refusal of [wrongPassword, unknownUser]) {
      expect(refusal).toMatchObject({
        name: 'NotAuthorizedException',
        message: 'Incorrect username or password.',
        $metadata: { httpStatusCode: 400 },
      });
    }
  });
});
