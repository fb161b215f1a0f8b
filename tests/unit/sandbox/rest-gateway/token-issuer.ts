// A stand-in Cognito user pool for the authorizer tests: a key pair, its JWKS
// served on loopback, and tokens signed like cognito-local's.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type JWTPayload, type CryptoKey } from 'jose';

export interface TokenIssuer {
  issuer: string;
  clientId: string;
  sign(
    claims?: JWTPayload,
    options?: { expiresIn?: string | number; key?: CryptoKey },
  ): Promise<string>;
  otherKey: CryptoKey;
  close(): Promise<void>;
}

export async function startTokenIssuer(): Promise<TokenIssuer> {
  const { publicKey, privateKey } = await generateKeyPair('RS256');
  const other = await generateKeyPair('RS256');
  const jwk = { ...(await exportJWK(publicKey)), kid: 'pool-key', alg: 'RS256', use: 'sig' };
  const server: Server = createServer((request, response) => {
    if (request.url?.endsWith('/.well-known/jwks.json')) {
      response.writeHead(200, { 'Content-Type': 'application/json' });
      response.end(JSON.stringify({ keys: [jwk] }));
    } else {
      response.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const issuer = `http://127.0.0.1:${port}/local_pool1`;
  const clientId = 'client-1';
  return {
    issuer,
    clientId,
    otherKey: other.privateKey,
    sign: (claims = {}, options = {}) =>
      new SignJWT({
        sub: 'user-1',
        token_use: 'id',
        aud: clientId,
        email: 'a@example.com',
        email_verified: true,
        'cognito:groups': ['customers', 'providers'],
        auth_time: 1700000000,
        ...claims,
      })
        .setProtectedHeader({ alg: 'RS256', kid: 'pool-key' })
        .setIssuer(typeof claims.iss === 'string' ? claims.iss : issuer)
        .setIssuedAt()
        .setExpirationTime(options.expiresIn ?? '1h')
        .sign(options.key ?? privateKey),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
