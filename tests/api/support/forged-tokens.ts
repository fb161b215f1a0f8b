import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { SignJWT, generateKeyPair, importJWK, type JWK } from 'jose';
import { sandboxOutputs } from './outputs';

// cognito-local signs every token with the key it ships; signing with that
// same key lets a test make tokens that are valid in every way but one.
const require = createRequire(import.meta.url);
const cognitoLocalKey = JSON.parse(
  readFileSync(require.resolve('cognito-local/lib/keys/cognitoLocal.private.json'), 'utf8'),
) as { jwk: JWK };

interface ForgeOptions {
  sub: string;
  /** Seconds from now; negative for a token that has already expired. */
  expiresIn?: number;
  audience?: string;
  issuer?: string;
  /** Sign with a key that is not the pool's. */
  foreignKey?: boolean;
}

export async function forgeIdToken(options: ForgeOptions): Promise<string> {
  const { CognitoEndpoint, UserPoolId, UserPoolClientId } = sandboxOutputs();
  const now = Math.floor(Date.now() / 1000);
  const expiresIn = options.expiresIn ?? 3600;
  const key = options.foreignKey
    ? (await generateKeyPair('RS256')).privateKey
    : await importJWK(cognitoLocalKey.jwk, 'RS256');
  return new SignJWT({
    token_use: 'id',
    email: 'forged@example.com',
    'cognito:username': options.sub,
  })
    .setProtectedHeader({ alg: 'RS256', kid: 'CognitoLocal' })
    .setSubject(options.sub)
    .setIssuer(options.issuer ?? `${CognitoEndpoint}/${UserPoolId}`)
    .setAudience(options.audience ?? UserPoolClientId)
    .setIssuedAt(now - 7200)
    .setExpirationTime(now + expiresIn)
    .sign(key);
}
