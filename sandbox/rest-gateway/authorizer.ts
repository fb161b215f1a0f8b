// The Cognito user pool authorizer of a REST API: the token from the
// authorizer's header (raw or `Bearer <token>`), its signature checked against
// the pool's JWKS, then expiry, issuer and audience, as API Gateway does.
// Like API Gateway, it caches an accepted token's verdict for the
// authorizer's ReauthorizeEvery seconds (never past the token's expiry), so a
// warm request pays no signature check. Which token a method takes is
// API Gateway's rule too: without AuthorizationScopes an ID token, with them an
// access token granted one of the scopes.
import { createRemoteJWKSet, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';

export type AuthorizerVerdict =
  { authorized: true; claims: Record<string, string> } | { authorized: false; reason: string };

export interface TokenAuthorizer {
  /** Header that carries the token, e.g. `Authorization`. */
  readonly header: string;
  /** `scopes`: the method's AuthorizationScopes; none means it takes ID tokens only. */
  authorize(
    headerValue: string | undefined,
    scopes?: readonly string[],
  ): Promise<AuthorizerVerdict>;
}

export interface CognitoAuthorizerOptions {
  header: string;
  /** `<cognito endpoint>/<userPoolId>`, the `iss` of the pool's tokens. */
  issuer: string;
  /** The pool's app client ids: valid audiences. */
  clientIds: string[];
  /** Defaults to `<issuer>/.well-known/jwks.json`. */
  jwksUrl?: string;
  /** Where the pool's keys come from; defaults to the JWKS at `jwksUrl`. */
  keys?: JWTVerifyGetKey;
  /** Seconds an accepted token's verdict is reused; 0 verifies every request. Default 300. */
  reauthorizeEverySeconds?: number;
  /** Epoch milliseconds; for tests. */
  now?: () => number;
}

/** Verdicts kept at most; the oldest go first, so a flood of tokens cannot grow memory. */
const MAX_CACHED_VERDICTS = 10_000;

const weekdays = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `Thu Apr 09 19:06:57 UTC 2020`: how API Gateway passes `exp` and `iat`. */
export function formatClaimDate(epochSeconds: number): string {
  const date = new Date(epochSeconds * 1000);
  const pad = (value: number): string => String(value).padStart(2, '0');
  return (
    `${weekdays[date.getUTCDay()]} ${months[date.getUTCMonth()]} ${pad(date.getUTCDate())} ` +
    `${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())} UTC ${date.getUTCFullYear()}`
  );
}

/** Claims as `requestContext.authorizer.claims` holds them: every value a string. */
export function apiGatewayClaims(payload: JWTPayload): Record<string, string> {
  const claims: Record<string, string> = {};
  for (const [name, value] of Object.entries(payload)) {
    if ((name === 'exp' || name === 'iat') && typeof value === 'number') {
      claims[name] = formatClaimDate(value);
    } else if (Array.isArray(value)) {
      claims[name] = value.map(String).join(',');
    } else if (typeof value === 'object' && value !== null) {
      claims[name] = JSON.stringify(value);
    } else {
      claims[name] = String(value);
    }
  }
  return claims;
}

export function tokenFromHeader(headerValue: string | undefined): string | undefined {
  const value = headerValue?.trim();
  if (!value) return undefined;
  const bearer = /^Bearer\s+(.+)$/i.exec(value);
  return bearer ? bearer[1] : value;
}

function audienceProblem(payload: JWTPayload, clientIds: string[]): string | undefined {
  if (payload.token_use === 'id') {
    const audiences = Array.isArray(payload.aud) ? payload.aud : [payload.aud];
    return audiences.some((aud) => aud !== undefined && clientIds.includes(aud))
      ? undefined
      : 'ID token audience is not a client of the pool';
  }
  if (payload.token_use === 'access') {
    return typeof payload.client_id === 'string' && clientIds.includes(payload.client_id)
      ? undefined
      : 'access token client_id is not a client of the pool';
  }
  return 'token_use is neither id nor access';
}

export function createCognitoAuthorizer(options: CognitoAuthorizerOptions): TokenAuthorizer {
  // jose caches the key set and refetches it when it meets an unknown key id.
  const keys =
    options.keys ??
    createRemoteJWKSet(new URL(options.jwksUrl ?? `${options.issuer}/.well-known/jwks.json`));
  const now = options.now ?? Date.now;
  const ttlMs = (options.reauthorizeEverySeconds ?? 300) * 1000;
  const accepted = new Map<string, { verdict: AuthorizerVerdict; until: number }>();

  async function verify(token: string): Promise<AuthorizerVerdict & { expiresAt?: number }> {
    try {
      const { payload } = await jwtVerify(token, keys, {
        issuer: options.issuer,
        algorithms: ['RS256'],
        requiredClaims: ['exp', 'token_use'],
        currentDate: new Date(now()),
      });
      const problem = audienceProblem(payload, options.clientIds);
      if (problem) return { authorized: false, reason: problem };
      return {
        authorized: true,
        claims: apiGatewayClaims(payload),
        expiresAt: (payload.exp as number) * 1000,
      };
    } catch (error) {
      return { authorized: false, reason: error instanceof Error ? error.message : String(error) };
    }
  }

  return {
    header: options.header,
    async authorize(headerValue, scopes = []) {
      const verdict = await verdictFor(headerValue);
      if (!verdict.authorized) return verdict;
      const problem = scopeProblem(verdict.claims, scopes);
      return problem ? { authorized: false, reason: problem } : verdict;
    },
  };

  async function verdictFor(headerValue: string | undefined): Promise<AuthorizerVerdict> {
    const token = tokenFromHeader(headerValue);
    if (!token) return { authorized: false, reason: `no token in ${options.header}` };
    const cached = accepted.get(token);
    if (cached && cached.until > now()) return cached.verdict;
    accepted.delete(token);

    const { expiresAt, ...verdict } = await verify(token);
    if (verdict.authorized && ttlMs > 0 && expiresAt !== undefined) {
      if (accepted.size >= MAX_CACHED_VERDICTS) {
        accepted.delete(accepted.keys().next().value as string);
      }
      accepted.set(token, { verdict, until: Math.min(now() + ttlMs, expiresAt) });
    }
    return verdict;
  }
}

/** A token good for the pool may still be the wrong kind for the method. */
function scopeProblem(
  claims: Record<string, string>,
  scopes: readonly string[],
): string | undefined {
  if (scopes.length === 0) {
    return claims.token_use === 'id'
      ? undefined
      : 'the method has no AuthorizationScopes, so it takes ID tokens only';
  }
  if (claims.token_use !== 'access')
    return 'the method has AuthorizationScopes, so it takes access tokens only';
  const granted = new Set((claims.scope ?? '').split(' '));
  return scopes.some((scope) => granted.has(scope))
    ? undefined
    : `the access token grants none of ${scopes.join(', ')}`;
}
