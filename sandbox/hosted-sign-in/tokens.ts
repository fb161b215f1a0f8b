// Tokens of a hosted sign-in, shaped as Cognito issues them to federated
// users (`identities`, `cognito:username` such as `google_…`), and signed with
// the local Cognito's own key: its JWKS is what the REST and WebSocket
// authorizers and the functions already trust, so these tokens pass exactly
// where the pool's password sign-in tokens pass.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { SignJWT, importJWK, type JWK } from 'jose';
import type { TokenValidityUnit, UserPoolClientSpec } from '../template/model';
import type { HostedSignInClient } from './app-clients';
import type { PoolUser } from './federated-users';

// Anchored at the project, as in ../cognito/cognito-local.ts.
const requireFromProject = createRequire(join(process.cwd(), 'package.json'));

export const LOCAL_COGNITO_KEY_ID = 'CognitoLocal';

function localCognitoKey(kind: 'private' | 'public'): JWK {
  const file = requireFromProject.resolve(`cognito-local/lib/keys/cognitoLocal.${kind}.json`);
  return (JSON.parse(readFileSync(file, 'utf8')) as { jwk: JWK }).jwk;
}

/** The public key, as a JWKS document. */
export function localCognitoJwks(): { keys: JWK[] } {
  return { keys: [localCognitoKey('public')] };
}

export interface IssuedTokens {
  id_token: string;
  access_token: string;
  token_type: 'Bearer';
  /** Seconds the access token lives. */
  expires_in: number;
}

export interface TokenRequest {
  client: HostedSignInClient;
  user: PoolUser;
  scopes: string[];
  nonce?: string;
  /** Epoch seconds of the sign-in; refreshed tokens keep it. */
  authTime: number;
}

const SECONDS: Record<TokenValidityUnit, number> = {
  seconds: 1,
  minutes: 60,
  hours: 3600,
  days: 86400,
};

/** Cognito's defaults: one hour for ID and access tokens. */
function lifetimeSeconds(spec: UserPoolClientSpec, token: 'AccessToken' | 'IdToken'): number {
  const validity = token === 'AccessToken' ? spec.accessTokenValidity : spec.idTokenValidity;
  if (validity === undefined) return 3600;
  return validity * SECONDS[spec.tokenValidityUnits?.[token] ?? 'hours'];
}

export async function issueTokens(request: TokenRequest): Promise<IssuedTokens> {
  const { client, user, scopes, authTime } = request;
  const key = await importJWK(localCognitoKey('private'), 'RS256');
  const now = Math.floor(Date.now() / 1000);
  const originJti = randomUUID();
  const groups = user.groups.length > 0 ? { 'cognito:groups': user.groups } : {};
  const sign = (claims: Record<string, unknown>, lifetime: number) =>
    new SignJWT(claims)
      .setProtectedHeader({ alg: 'RS256', kid: LOCAL_COGNITO_KEY_ID })
      .setSubject(user.sub)
      .setIssuer(client.issuer)
      .setIssuedAt(now)
      .setExpirationTime(now + lifetime)
      .setJti(randomUUID())
      .sign(key);
  const accessLifetime = lifetimeSeconds(client.spec, 'AccessToken');
  const idToken = await sign(
    {
      ...groups,
      aud: client.clientId,
      token_use: 'id',
      auth_time: authTime,
      origin_jti: originJti,
      'cognito:username': user.username,
      email: user.email,
      email_verified: true,
      ...(user.name !== undefined && { name: user.name }),
      identities: user.identities,
      ...(request.nonce !== undefined && { nonce: request.nonce }),
    },
    lifetimeSeconds(client.spec, 'IdToken'),
  );
  const accessToken = await sign(
    {
      ...groups,
      client_id: client.clientId,
      token_use: 'access',
      scope: scopes.join(' '),
      auth_time: authTime,
      origin_jti: originJti,
      username: user.username,
      version: 2,
    },
    accessLifetime,
  );
  return {
    id_token: idToken,
    access_token: accessToken,
    token_type: 'Bearer',
    expires_in: accessLifetime,
  };
}
