// The `Logins` of an identity pool call: each key names a user pool provider
// of the pool (as on AWS, `cognito-idp.<region>.amazonaws.com/<poolId>`, or the
// local pool's own issuer without its scheme) and holds one of its ID tokens,
// checked like Cognito checks it: signature, expiry, issuer, the provider's
// app client as audience, an ID token.
import { createRemoteJWKSet, jwtVerify, type JWTVerifyGetKey } from 'jose';
import type { IdentityPoolSpec } from './identity-pools';
import { CognitoIdentityError, type VerifiedLogin } from './operations';

export interface UserPoolIssuer {
  /** The pool's ProviderName locally (its issuer without the scheme). */
  providerName: string;
  issuer: string;
  /** The same provider as a deployed app names it. */
  deployedName: string;
}

export function createLoginVerifier(issuers: readonly UserPoolIssuer[]) {
  const keys = new Map<string, JWTVerifyGetKey>();
  const keysOf = (issuer: string) => {
    let found = keys.get(issuer);
    if (!found) {
      found = createRemoteJWKSet(new URL(`${issuer}/.well-known/jwks.json`));
      keys.set(issuer, found);
    }
    return found;
  };

  return async function verifyLogins(
    pool: IdentityPoolSpec,
    logins: Record<string, string>,
  ): Promise<VerifiedLogin[]> {
    const verified: VerifiedLogin[] = [];
    for (const [key, token] of Object.entries(logins)) {
      const issuer = issuers.find((i) => i.providerName === key || i.deployedName === key);
      const provider = pool.providers.find((p) => p.providerName === issuer?.providerName);
      if (!issuer || !provider) {
        throw new CognitoIdentityError(
          'NotAuthorizedException',
          `Invalid login token. Can't login with ${key}: the identity pool does not federate with it.`,
        );
      }
      verified.push({
        provider: issuer.deployedName,
        subject: await subjectOf(token, issuer, provider.clientId),
      });
    }
    return verified;
  };

  async function subjectOf(
    token: string,
    issuer: UserPoolIssuer,
    clientId: string,
  ): Promise<string> {
    try {
      const { payload } = await jwtVerify(token, keysOf(issuer.issuer), {
        issuer: issuer.issuer,
        audience: clientId,
        requiredClaims: ['sub'],
      });
      if (payload.token_use !== 'id') throw new Error('Not an ID token');
      return payload.sub as string;
    } catch (error) {
      throw new CognitoIdentityError(
        'NotAuthorizedException',
        `Invalid login token. ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }
}
