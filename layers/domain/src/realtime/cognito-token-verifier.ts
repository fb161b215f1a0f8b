import { createRemoteJWKSet, jwtVerify, type JWTPayload } from 'jose';

export interface VerifiedToken {
  userId: string;
  claims: JWTPayload;
}

export interface CognitoTokenVerifierOptions {
  /** `https://cognito-idp.<region>.amazonaws.com/<poolId>` (the pool's ProviderURL). */
  issuer: string;
  /** App client ids of the pool: valid audiences of ID tokens, `client_id` of access tokens. */
  clientIds: string[];
}

/**
 * Verifies a Cognito ID or access token as API Gateway's Cognito authorizer
 * does: RS256 signature against the pool's JWKS, expiry, issuer, then the
 * audience (`aud` for ID tokens, `client_id` for access tokens).
 */
export class CognitoTokenVerifier {
  // Module-scope instances keep the key set warm between invocations; jose
  // refetches it when a token names an unknown key id.
  private readonly keys: ReturnType<typeof createRemoteJWKSet>;

  constructor(private readonly options: CognitoTokenVerifierOptions) {
    this.keys = createRemoteJWKSet(new URL(`${options.issuer}/.well-known/jwks.json`));
  }

  /** The verified token, or undefined when it is not a valid token of the pool. */
  async verify(token: string): Promise<VerifiedToken | undefined> {
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, this.keys, {
        issuer: this.options.issuer,
        algorithms: ['RS256'],
        requiredClaims: ['exp', 'sub', 'token_use'],
      }));
    } catch {
      return undefined;
    }
    if (!this.isForOurClients(payload) || typeof payload.sub !== 'string') return undefined;
    return { userId: payload.sub, claims: payload };
  }

  private isForOurClients(payload: JWTPayload): boolean {
    const { clientIds } = this.options;
    if (payload.token_use === 'id') {
      const audiences = Array.isArray(payload.aud) ? payload.aud : [payload.aud];
      return audiences.some((aud) => aud !== undefined && clientIds.includes(aud));
    }
    if (payload.token_use === 'access') {
      return typeof payload.client_id === 'string' && clientIds.includes(payload.client_id);
    }
    return false;
  }
}
