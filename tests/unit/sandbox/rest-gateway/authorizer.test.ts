import { createRemoteJWKSet, type JWTVerifyGetKey } from 'jose';
import {
  createCognitoAuthorizer,
  formatClaimDate,
  type TokenAuthorizer,
} from '../../../../sandbox/rest-gateway/authorizer';
import { startTokenIssuer, type TokenIssuer } from './token-issuer';

let pool: TokenIssuer;
let authorizer: TokenAuthorizer;

beforeAll(async () => {
  pool = await startTokenIssuer();
  authorizer = createCognitoAuthorizer({
    header: 'Authorization',
    issuer: pool.issuer,
    clientIds: [pool.clientId],
  });
});

afterAll(async () => {
  await pool.close();
});

describe('Cognito authorizer', () => {
  it('accepts a valid ID token and gives its claims as strings', async () => {
    const token = await pool.sign();

    const verdict = await authorizer.authorize(`Bearer ${token}`);

    expect(verdict).toEqual({
      authorized: true,
      claims: expect.objectContaining({
        sub: 'user-1',
        token_use: 'id',
        aud: 'client-1',
        email_verified: 'true',
        'cognito:groups': 'customers,providers',
        auth_time: '1700000000',
        iss: pool.issuer,
        exp: expect.stringMatching(/^\w{3} \w{3} \d{2} \d{2}:\d{2}:\d{2} UTC \d{4}$/),
      }),
    });
  });

  it('accepts a raw token without the Bearer prefix', async () => {
    const token = await pool.sign();

    const verdict = await authorizer.authorize(token);

    expect(verdict.authorized).toBe(true);
  });

  it('accepts an access token whose client_id is a client of the pool on a method with one of its scopes', async () => {
    const token = await pool.sign({
      token_use: 'access',
      aud: undefined,
      client_id: pool.clientId,
      scope: 'openid items/read',
    });

    const verdict = await authorizer.authorize(`Bearer ${token}`, ['items/read', 'items/write']);

    expect(verdict.authorized).toBe(true);
  });

  it('rejects an access token on a method without AuthorizationScopes, as API Gateway does', async () => {
    const token = await pool.sign({
      token_use: 'access',
      aud: undefined,
      client_id: pool.clientId,
      scope: 'openid',
    });

    const verdict = await authorizer.authorize(`Bearer ${token}`);

    expect(verdict).toEqual({
      authorized: false,
      reason: 'the method has no AuthorizationScopes, so it takes ID tokens only',
    });
  });

  it("rejects an access token granting none of the method's scopes", async () => {
    const token = await pool.sign({
      token_use: 'access',
      aud: undefined,
      client_id: pool.clientId,
      scope: 'openid email',
    });

    const verdict = await authorizer.authorize(`Bearer ${token}`, ['items/write']);

    expect(verdict).toEqual({
      authorized: false,
      reason: 'the access token grants none of items/write',
    });
  });

  it('rejects an ID token on a method with AuthorizationScopes', async () => {
    const token = await pool.sign();

    const verdict = await authorizer.authorize(`Bearer ${token}`, ['openid']);

    expect(verdict.authorized).toBe(false);
  });

  it("applies the method's scopes to a verdict it kept from an earlier request", async () => {
    const token = await pool.sign();
    expect((await authorizer.authorize(`Bearer ${token}`)).authorized).toBe(true);

    const verdict = await authorizer.authorize(`Bearer ${token}`, ['openid']);

    expect(verdict.authorized).toBe(false);
  });

  it('rejects a missing token', async () => {
    const verdict = await authorizer.authorize(undefined);

    expect(verdict).toEqual({ authorized: false, reason: 'no token in Authorization' });
  });

  it('rejects an expired token', async () => {
    const token = await pool.sign({}, { expiresIn: Math.floor(Date.now() / 1000) - 60 });

    const verdict = await authorizer.authorize(`Bearer ${token}`);

    expect(verdict).toMatchObject({ authorized: false, reason: expect.stringMatching(/exp/) });
  });

  it('rejects a token from another issuer', async () => {
    const token = await pool.sign({ iss: 'http://127.0.0.1:1/other_pool' });

    const verdict = await authorizer.authorize(`Bearer ${token}`);

    expect(verdict).toMatchObject({ authorized: false, reason: expect.stringMatching(/iss/) });
  });

  it('rejects an ID token for another client', async () => {
    const token = await pool.sign({ aud: 'someone-else' });

    const verdict = await authorizer.authorize(`Bearer ${token}`);

    expect(verdict).toEqual({
      authorized: false,
      reason: 'ID token audience is not a client of the pool',
    });
  });

  it('rejects an access token for another client', async () => {
    const token = await pool.sign({
      token_use: 'access',
      aud: undefined,
      client_id: 'someone-else',
      scope: 'openid',
    });

    const verdict = await authorizer.authorize(`Bearer ${token}`, ['openid']);

    expect(verdict.authorized).toBe(false);
  });

  it('rejects a token signed with another key', async () => {
    const token = await pool.sign({}, { key: pool.otherKey });

    const verdict = await authorizer.authorize(`Bearer ${token}`);

    expect(verdict).toMatchObject({
      authorized: false,
      reason: expect.stringMatching(/signature/),
    });
  });

  it('rejects a token that is not a JWT', async () => {
    const verdict = await authorizer.authorize('Bearer not-a-token');

    expect(verdict.authorized).toBe(false);
  });
});

describe('claim dates', () => {
  it('formats epoch seconds as API Gateway passes exp and iat', () => {
    expect(formatClaimDate(1586459217)).toBe('Thu Apr 09 19:06:57 UTC 2020');
  });
});

describe('Cognito authorizer verdict cache', () => {
  let clock: number;
  let keyLookups: number;

  function cachingAuthorizer(reauthorizeEverySeconds?: number): TokenAuthorizer {
    const remote = createRemoteJWKSet(new URL(`${pool.issuer}/.well-known/jwks.json`));
    const keys: JWTVerifyGetKey = (header, token) => {
      keyLookups += 1;
      return remote(header, token);
    };
    return createCognitoAuthorizer({
      header: 'Authorization',
      issuer: pool.issuer,
      clientIds: [pool.clientId],
      keys,
      now: () => clock,
      ...(reauthorizeEverySeconds !== undefined && { reauthorizeEverySeconds }),
    });
  }

  beforeEach(() => {
    clock = Date.now();
    keyLookups = 0;
  });

  it('reuses an accepted verdict for ReauthorizeEvery seconds, as API Gateway does', async () => {
    const cached = cachingAuthorizer(300);
    const token = await pool.sign();

    const first = await cached.authorize(`Bearer ${token}`);
    clock += 299_000;
    const second = await cached.authorize(`Bearer ${token}`);

    expect(second).toEqual(first);
    expect(first.authorized).toBe(true);
    expect(keyLookups).toBe(1);
  });

  it('verifies the token again once ReauthorizeEvery has passed', async () => {
    const cached = cachingAuthorizer(300);
    const token = await pool.sign();

    await cached.authorize(`Bearer ${token}`);
    clock += 301_000;
    const later = await cached.authorize(`Bearer ${token}`);

    expect(later.authorized).toBe(true);
    expect(keyLookups).toBe(2);
  });

  it('verifies every request when ReauthorizeEvery is 0', async () => {
    const uncached = cachingAuthorizer(0);
    const token = await pool.sign();

    await uncached.authorize(`Bearer ${token}`);
    await uncached.authorize(`Bearer ${token}`);

    expect(keyLookups).toBe(2);
  });

  it('never accepts a cached token past its expiry', async () => {
    const cached = cachingAuthorizer(3600);
    const token = await pool.sign({}, { expiresIn: Math.floor(clock / 1000) + 60 });

    const before = await cached.authorize(`Bearer ${token}`);
    clock += 61_000;
    const after = await cached.authorize(`Bearer ${token}`);

    expect(before.authorized).toBe(true);
    expect(after).toMatchObject({ authorized: false, reason: expect.stringMatching(/exp/) });
  });

  it('does not cache a refusal', async () => {
    const cached = cachingAuthorizer(300);
    const token = await pool.sign({ aud: 'someone-else' });

    await cached.authorize(`Bearer ${token}`);
    const again = await cached.authorize(`Bearer ${token}`);

    expect(again.authorized).toBe(false);
    expect(keyLookups).toBe(2);
  });
});
