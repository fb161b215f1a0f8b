// Sign-up, confirmation, sign-in, refresh and sign-out against the Cognito
// user pool's JSON API, with fetch alone. Sign-in is USER_SRP_AUTH unless
// told otherwise (the password never leaves the device; srp-sign-in.ts), or
// USER_PASSWORD_AUTH, which the stack's app client allows too.
import { signInWithSrp } from './srp-sign-in';

export type AuthFlow = 'USER_SRP_AUTH' | 'USER_PASSWORD_AUTH';

export interface CognitoOptions {
  /** The user pool's Cognito endpoint: the `CognitoEndpoint` output locally, `https://cognito-idp.<region>.amazonaws.com/` on AWS. */
  endpoint: string;
  /** The `UserPoolClientId` output. */
  clientId: string;
  /** The `UserPoolId` output: USER_SRP_AUTH needs it. */
  userPoolId?: string;
  /** How `signIn` proves the password; USER_SRP_AUTH unless given. */
  authFlow?: AuthFlow;
  fetch?: typeof fetch;
  /** Refresh this long before the ID token expires. */
  refreshMarginMs?: number;
}

export interface Tokens {
  idToken: string;
  accessToken: string;
  refreshToken: string;
  /** Epoch milliseconds at which the ID and access tokens expire. */
  expiresAt: number;
}

/** A Cognito refusal: `type` is Cognito's error name, e.g. `NotAuthorizedException`. */
export class CognitoError extends Error {
  constructor(
    readonly type: string,
    message: string,
    readonly status: number,
  ) {
    super(`${type}: ${message}`);
    this.name = 'CognitoError';
  }
}

interface AuthenticationResult {
  IdToken: string;
  AccessToken: string;
  RefreshToken?: string;
  ExpiresIn: number;
}

export interface CognitoAuth {
  signUp(email: string, password: string): Promise<{ userSub: string; confirmed: boolean }>;
  confirmSignUp(email: string, code: string): Promise<void>;
  signIn(email: string, password: string): Promise<Tokens>;
  /** New ID and access tokens from the refresh token; the refresh token stays. */
  refresh(): Promise<Tokens>;
  /** Revokes the refresh token (and with it the tokens it issued) and forgets the session. */
  signOut(): Promise<void>;
  /** Tokens obtained elsewhere (e.g. an SRP or hosted sign-in). */
  useTokens(tokens: Tokens): void;
  /** A valid ID token, refreshed when it is about to expire; undefined when signed out. */
  idToken(): Promise<string | undefined>;
  current(): Tokens | undefined;
}

export function createCognitoAuth(options: CognitoOptions): CognitoAuth {
  const send = options.fetch ?? ((input, init) => fetch(input, init));
  const margin = options.refreshMarginMs ?? 60_000;
  const flow = options.authFlow ?? 'USER_SRP_AUTH';
  const { userPoolId } = options;
  if (flow === 'USER_SRP_AUTH' && !userPoolId) {
    throw new Error('USER_SRP_AUTH needs the user pool id (the UserPoolId output)');
  }
  let tokens: Tokens | undefined;
  let refreshing: Promise<Tokens> | undefined;

  async function call<T>(operation: string, body: Record<string, unknown>): Promise<T> {
    const response = await send(options.endpoint, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/x-amz-json-1.1',
        'X-Amz-Target': `AWSCognitoIdentityProviderService.${operation}`,
      },
      body: JSON.stringify({ ClientId: options.clientId, ...body }),
    });
    const reply = (await response.json().catch(() => ({}))) as Record<string, unknown>;
    if (!response.ok) {
      const type =
        String(reply.__type ?? reply.code ?? 'UnknownError')
          .split('#')
          .pop() ?? '';
      throw new CognitoError(type, String(reply.message ?? response.statusText), response.status);
    }
    return reply as T;
  }

  function keep(result: AuthenticationResult | undefined, refreshToken?: string): Tokens {
    if (!result)
      throw new CognitoError(
        'ChallengeRequired',
        'Cognito asks for a challenge (MFA or a new password)',
        200,
      );
    tokens = {
      idToken: result.IdToken,
      accessToken: result.AccessToken,
      refreshToken: result.RefreshToken ?? refreshToken ?? '',
      expiresAt: Date.now() + result.ExpiresIn * 1000,
    };
    return tokens;
  }

  async function refreshTokens(): Promise<Tokens> {
    const refreshToken = tokens?.refreshToken;
    if (!refreshToken) throw new CognitoError('NotAuthorizedException', 'Not signed in', 400);
    const reply = await call<{ AuthenticationResult?: AuthenticationResult }>('InitiateAuth', {
      AuthFlow: 'REFRESH_TOKEN_AUTH',
      AuthParameters: { REFRESH_TOKEN: refreshToken },
    });
    return keep(reply.AuthenticationResult, refreshToken);
  }

  const auth: CognitoAuth = {
    async signUp(email, password) {
      const reply = await call<{ UserSub: string; UserConfirmed: boolean }>('SignUp', {
        Username: email,
        Password: password,
        UserAttributes: [{ Name: 'email', Value: email }],
      });
      return { userSub: reply.UserSub, confirmed: reply.UserConfirmed };
    },
    async confirmSignUp(email, code) {
      await call('ConfirmSignUp', { Username: email, ConfirmationCode: code });
    },
    async signIn(email, password) {
      type Reply = { AuthenticationResult?: AuthenticationResult };
      const reply =
        flow === 'USER_SRP_AUTH' && userPoolId
          ? await signInWithSrp<Reply>(call, email, password, { userPoolId })
          : await call<Reply>('InitiateAuth', {
              AuthFlow: 'USER_PASSWORD_AUTH',
              AuthParameters: { USERNAME: email, PASSWORD: password },
            });
      return keep(reply.AuthenticationResult);
    },
    refresh() {
      // Requests that find the tokens stale at once share one refresh.
      refreshing ??= refreshTokens().finally(() => {
        refreshing = undefined;
      });
      return refreshing;
    },
    async signOut() {
      const refreshToken = tokens?.refreshToken;
      tokens = undefined;
      if (refreshToken) await call('RevokeToken', { Token: refreshToken });
    },
    useTokens(given) {
      tokens = given;
    },
    async idToken() {
      if (!tokens) return undefined;
      if (tokens.expiresAt - Date.now() < margin) await auth.refresh();
      return tokens?.idToken;
    },
    current: () => tokens,
  };
  return auth;
}
