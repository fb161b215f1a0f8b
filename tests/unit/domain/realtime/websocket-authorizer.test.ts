import { CognitoTokenVerifier } from '../../../../layers/domain/src/realtime/cognito-token-verifier';
import {
  authorizeConnection,
  type WebSocketAuthorizerEvent,
} from '../../../../layers/domain/src/realtime/websocket-authorizer';
import { startTokenIssuer, type TokenIssuer } from '../../sandbox/rest-gateway/token-issuer';

let pool: TokenIssuer;
let verifier: CognitoTokenVerifier;

beforeAll(async () => {
  pool = await startTokenIssuer();
  verifier = new CognitoTokenVerifier({ issuer: pool.issuer, clientIds: [pool.clientId] });
});

afterAll(async () => {
  await pool.close();
});

const methodArn = 'arn:aws:execute-api:us-east-1:123456789012:abc/api/$connect';
const connectWith = (token?: string): WebSocketAuthorizerEvent => ({
  type: 'REQUEST',
  methodArn,
  queryStringParameters: token === undefined ? null : { token },
  requestContext: { routeKey: '$connect', eventType: 'CONNECT', connectionId: 'c1=' },
});

describe('the $connect authorizer', () => {
  it('allows the token user on the method ARN and names them in the context', async () => {
    const token = await pool.sign({ sub: 'user-7' });

    const result = await authorizeConnection(connectWith(token), verifier);

    expect(result).toEqual({
      principalId: 'user-7',
      policyDocument: {
        Version: '2012-10-17',
        Statement: [{ Action: 'execute-api:Invoke', Effect: 'Allow', Resource: methodArn }],
      },
      context: { userId: 'user-7', tokenUse: 'id' },
    });
  });

  it('throws Unauthorized without a token', async () => {
    await expect(authorizeConnection(connectWith(), verifier)).rejects.toThrow(/^Unauthorized$/);
  });

  it('throws Unauthorized for a token signed with another key', async () => {
    const token = await pool.sign({}, { key: pool.otherKey });

    await expect(authorizeConnection(connectWith(token), verifier)).rejects.toThrow(
      /^Unauthorized$/,
    );
  });

  it('throws Unauthorized for an expired token', async () => {
    const token = await pool.sign({}, { expiresIn: -10 });

    await expect(authorizeConnection(connectWith(token), verifier)).rejects.toThrow(
      /^Unauthorized$/,
    );
  });

  it('throws Unauthorized for an ID token of another app client', async () => {
    const token = await pool.sign({ aud: 'other-client' });

    await expect(authorizeConnection(connectWith(token), verifier)).rejects.toThrow(
      /^Unauthorized$/,
    );
  });

  it('accepts an access token of the app client', async () => {
    const token = await pool.sign({
      token_use: 'access',
      client_id: pool.clientId,
      aud: undefined,
    });

    const result = await authorizeConnection(connectWith(token), verifier);

    expect(result.context).toEqual({ userId: 'user-1', tokenUse: 'access' });
  });
});
