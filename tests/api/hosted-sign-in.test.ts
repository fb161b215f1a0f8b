import { randomUUID } from 'node:crypto';
import {
  CognitoIdentityProviderClient,
  GetUserCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import {
  authorizeUrl,
  callbackOf,
  CALLBACK,
  claimsOf,
  exchangeCode,
  pkcePair,
  signInOnPage,
  signInWithTestProvider,
  tokenRequest,
} from './support/hosted-sign-in';
import { call } from './support/http';
import { sandboxOutputs } from './support/outputs';
import { upgradeStatus, webSocketUrl } from './support/websocket';

// Hosted sign-in from a native app's point of view: authorization code with
// PKCE against the sandbox's sign-in endpoint and its test identity provider.
const person = () => ({
  provider: 'Google',
  email: `fed-${randomUUID()}@example.com`,
  name: 'Fed Erated',
});

describe('a PKCE sign-in with the test identity provider', () => {
  it('redirects to the app with a code and the state it sent', async () => {
    // prepare
    const { challenge } = pkcePair();
    const url = authorizeUrl(challenge, { state: 'opaque-state-1' });

    // act
    const reply = await signInOnPage(url, person());

    // assess
    expect(reply.status).toBe(302);
    const callback = callbackOf(reply);
    expect(callback.get('state')).toBe('opaque-state-1');
    expect(callback.get('code')).toMatch(/^[\w-]{20,}$/);
  });

  it("gives tokens shaped like Cognito's for a federated user", async () => {
    // prepare
    const someone = person();

    // act
    const tokens = await signInWithTestProvider(someone);

    // assess
    const { UserPoolClientId, UserPoolId, CognitoEndpoint } = sandboxOutputs();
    const id = claimsOf(tokens.id_token);
    expect(id).toMatchObject({
      iss: `${CognitoEndpoint}/${UserPoolId}`,
      aud: UserPoolClientId,
      token_use: 'id',
      email: someone.email,
      name: someone.name,
      identities: [expect.objectContaining({ providerName: 'Google', primary: 'true' })],
    });
    expect(id['cognito:username']).toMatch(/^google_\d+$/);
    expect(claimsOf(tokens.access_token)).toMatchObject({
      token_use: 'access',
      client_id: UserPoolClientId,
      scope: 'openid email profile',
      sub: id.sub,
    });
  });

  it("'s ID token is accepted by the REST API as a password sign-in's is", async () => {
    // prepare
    const someone = person();
    const tokens = await signInWithTestProvider(someone);

    // act
    const me = await call('GET', '/v1/me', { token: tokens.id_token });

    // assess
    expect(me.status).toBe(200);
    expect(me.json.email).toBe(someone.email);
  });

  it("'s ID token opens a WebSocket connection", async () => {
    // prepare
    const tokens = await signInWithTestProvider(person());

    // act
    const status = await upgradeStatus(webSocketUrl(tokens.id_token));

    // assess
    expect(status).toBe(101);
  });

  it("'s access token works with Cognito's own user calls", async () => {
    // prepare
    const someone = person();
    const tokens = await signInWithTestProvider(someone);
    const cognito = new CognitoIdentityProviderClient({
      endpoint: sandboxOutputs().CognitoEndpoint,
      region: 'us-east-1',
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    });

    // act
    const user = await cognito.send(new GetUserCommand({ AccessToken: tokens.access_token }));
    cognito.destroy();

    // assess
    const email = user.UserAttributes?.find((attribute) => attribute.Name === 'email')?.Value;
    expect(email).toBe(someone.email);
  });

  it('signs the same person in as the same user the next time', async () => {
    // prepare
    const someone = person();
    const first = await signInWithTestProvider(someone);

    // act
    const second = await signInWithTestProvider(someone);

    // assess
    expect(claimsOf(second.id_token).sub).toBe(claimsOf(first.id_token).sub);
  });

  it('renews the tokens with the refresh token', async () => {
    // prepare
    const tokens = await signInWithTestProvider(person());

    // act
    const renewed = await tokenRequest({
      grant_type: 'refresh_token',
      refresh_token: tokens.refresh_token,
    });

    // assess
    expect(renewed.status).toBe(200);
    expect(claimsOf(renewed.json.id_token ?? '').sub).toBe(claimsOf(tokens.id_token).sub);
  });
});

describe('the token exchange refuses', () => {
  it('a code_verifier that is not the one the challenge was made from', async () => {
    // prepare
    const { challenge } = pkcePair();
    const callback = callbackOf(await signInOnPage(authorizeUrl(challenge), person()));

    // act
    const exchanged = await exchangeCode(callback.get('code') ?? '', pkcePair().verifier);

    // assess
    expect(exchanged).toMatchObject({ status: 400, json: { error: 'invalid_grant' } });
    expect(exchanged.json.id_token).toBeUndefined();
  });

  it('a code used a second time', async () => {
    // prepare
    const { verifier, challenge } = pkcePair();
    const code = callbackOf(await signInOnPage(authorizeUrl(challenge), person())).get('code');
    const first = await exchangeCode(code ?? '', verifier);

    // act
    const second = await exchangeCode(code ?? '', verifier);

    // assess
    expect(first.status).toBe(200);
    expect(second).toMatchObject({ status: 400, json: { error: 'invalid_grant' } });
  });

  it('a code after a failed attempt with it, even with the right verifier', async () => {
    // prepare
    const { verifier, challenge } = pkcePair();
    const code = callbackOf(await signInOnPage(authorizeUrl(challenge), person())).get('code');
    await exchangeCode(code ?? '', pkcePair().verifier);

    // act
    const retried = await exchangeCode(code ?? '', verifier);

    // assess
    expect(retried).toMatchObject({ status: 400, json: { error: 'invalid_grant' } });
  });

  it('a redirect_uri other than the one the code was issued for', async () => {
    // prepare
    const { verifier, challenge } = pkcePair();
    const code = callbackOf(await signInOnPage(authorizeUrl(challenge), person())).get('code');

    // act
    const exchanged = await exchangeCode(code ?? '', verifier, 'myapp://elsewhere');

    // assess
    expect(exchanged).toMatchObject({ status: 400, json: { error: 'invalid_grant' } });
  });

  it('an unknown client', async () => {
    // prepare
    const { verifier, challenge } = pkcePair();
    const code = callbackOf(await signInOnPage(authorizeUrl(challenge), person())).get('code');

    // act
    const exchanged = await tokenRequest({
      grant_type: 'authorization_code',
      client_id: 'no-such-client',
      code: code ?? '',
      code_verifier: verifier,
      redirect_uri: CALLBACK,
    });

    // assess
    expect(exchanged).toMatchObject({ status: 400, json: { error: 'invalid_client' } });
  });
});

describe('the authorize endpoint refuses', () => {
  it.each([
    ['a redirect URI that is not among the CallbackURLs', { redirect_uri: 'https://evil.test/cb' }],
    ['an unknown client', { client_id: 'no-such-client' }],
  ])('%s on its own page, without redirecting', async (_case, overrides) => {
    // prepare
    const url = authorizeUrl(pkcePair().challenge, overrides);

    // act
    const reply = await fetch(url, { redirect: 'manual' });

    // assess
    expect(reply.status).toBe(400);
    expect(reply.headers.get('location')).toBeNull();
  });

  it('a request without PKCE, redirecting the error to the app', async () => {
    // prepare
    const url = authorizeUrl('', { code_challenge_method: 'plain' });

    // act
    const reply = await fetch(url, { redirect: 'manual' });

    // assess
    expect(reply.status).toBe(302);
    expect(callbackOf(reply).get('error')).toBe('invalid_request');
  });
});

describe('sign-out and discovery', () => {
  it('signs out to a registered LogoutURL and refuses any other', async () => {
    // prepare
    const { SignInEndpoint, UserPoolClientId } = sandboxOutputs();
    const logout = (uri: string) =>
      fetch(
        `${SignInEndpoint}/logout?client_id=${UserPoolClientId}&logout_uri=${encodeURIComponent(uri)}`,
        { redirect: 'manual' },
      );

    // act
    const [registered, foreign] = await Promise.all([
      logout('myapp://auth/signout'),
      logout('https://evil.test/'),
    ]);

    // assess
    expect([registered.status, registered.headers.get('location')]).toEqual([
      302,
      'myapp://auth/signout',
    ]);
    expect(foreign.status).toBe(400);
  });

  it("names the endpoints and the pool's issuer, whose keys verify the tokens", async () => {
    // prepare
    const { SignInEndpoint, UserPoolId, CognitoEndpoint } = sandboxOutputs();

    // act
    const configuration = (await (
      await fetch(`${SignInEndpoint}/.well-known/openid-configuration`)
    ).json()) as Record<string, unknown>;
    const keys = (await (await fetch(String(configuration.jwks_uri))).json()) as {
      keys: { kid: string }[];
    };

    // assess
    expect(configuration).toMatchObject({
      issuer: `${CognitoEndpoint}/${UserPoolId}`,
      authorization_endpoint: `${SignInEndpoint}/oauth2/authorize`,
      token_endpoint: `${SignInEndpoint}/oauth2/token`,
      code_challenge_methods_supported: ['S256'],
    });
    expect(keys.keys.map((key) => key.kid)).toEqual(['CognitoLocal']);
  });
});
