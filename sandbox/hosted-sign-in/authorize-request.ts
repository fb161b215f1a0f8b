// What /oauth2/authorize accepts, checked in the order Cognito checks it: an
// unknown client or a redirect URI the client does not list is answered on the
// page itself (never redirected to a URI nobody registered); every later
// problem is redirected to the app as an OAuth error.
import type { HostedSignInClient } from './app-clients';
import { isS256Challenge } from './pkce';

export interface AuthorizeRequest {
  client: HostedSignInClient;
  redirectUri: string;
  codeChallenge: string;
  scopes: string[];
  state?: string;
  nonce?: string;
  /** `identity_provider`, when the app named one. */
  identityProvider?: string;
}

export type AuthorizeCheck =
  | { ok: true; request: AuthorizeRequest }
  | { ok: false; refusal: 'page'; message: string }
  | {
      ok: false;
      refusal: 'redirect';
      redirectUri: string;
      error: string;
      description: string;
      state?: string;
    };

export function checkAuthorizeRequest(
  params: URLSearchParams,
  clients: ReadonlyMap<string, HostedSignInClient>,
  providers: readonly string[],
): AuthorizeCheck {
  const client = clients.get(params.get('client_id') ?? '');
  if (!client) return { ok: false, refusal: 'page', message: 'Unknown client_id.' };
  const redirectUri = params.get('redirect_uri') ?? '';
  if (!client.oauth.callbackUrls.includes(redirectUri)) {
    return {
      ok: false,
      refusal: 'page',
      message: 'redirect_uri is not one of the CallbackURLs of this app client.',
    };
  }
  const state = params.get('state') ?? undefined;
  const refuse = (error: string, description: string): AuthorizeCheck => ({
    ok: false,
    refusal: 'redirect',
    redirectUri,
    error,
    description,
    ...(state !== undefined && { state }),
  });
  if (params.get('response_type') !== 'code') {
    return refuse('unsupported_response_type', 'Only response_type=code is allowed');
  }
  const codeChallenge = params.get('code_challenge') ?? '';
  if (params.get('code_challenge_method') !== 'S256' || !isS256Challenge(codeChallenge)) {
    return refuse(
      'invalid_request',
      'PKCE is required: code_challenge with code_challenge_method=S256',
    );
  }
  const requested = (params.get('scope') ?? '').split(' ').filter(Boolean);
  const scopes = requested.length > 0 ? requested : client.oauth.scopes;
  if (scopes.some((scope) => !client.oauth.scopes.includes(scope))) {
    return refuse('invalid_scope', 'A requested scope is not allowed for this app client');
  }
  const identityProvider = params.get('identity_provider') ?? undefined;
  if (identityProvider !== undefined && !providers.includes(identityProvider)) {
    return refuse(
      'invalid_request',
      `identity_provider ${identityProvider} is not offered to this app client`,
    );
  }
  const nonce = params.get('nonce') ?? undefined;
  return {
    ok: true,
    request: {
      client,
      redirectUri,
      codeChallenge,
      scopes,
      ...(state !== undefined && { state }),
      ...(nonce !== undefined && { nonce }),
      ...(identityProvider !== undefined && { identityProvider }),
    },
  };
}

/** The app's redirect URI with the given query parameters added. */
export function redirectTo(redirectUri: string, query: Record<string, string | undefined>): string {
  const url = new URL(redirectUri);
  for (const [name, value] of Object.entries(query)) {
    if (value !== undefined) url.searchParams.set(name, value);
  }
  return url.toString();
}
