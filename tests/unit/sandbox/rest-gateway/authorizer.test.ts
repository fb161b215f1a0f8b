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

  it('accepts an access token whose client_id is a client of the pool', async () => {
    const token = await pool.sign({
      token_use: 'access',
      aud: undefined,
      client_id: pool.clientId,
    });

    const verdict = await authorizer.authorize(`Bearer ${token}`);

    expect(verdict.authorized).toBe(true);
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
    });

    const verdict = await authorizer.authorize(`Bearer ${token}`);

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
