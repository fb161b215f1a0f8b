// The hosted sign-in's endpoints, each a function from a request's parameters
// to a reply: the authorize page and its form, the token exchange (code with
// PKCE, refresh), sign-out, and the OpenID discovery documents.
import { createHash } from 'node:crypto';
import type { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import type { HostedSignInClient } from './app-clients';
import { checkAuthorizeRequest, redirectTo } from './authorize-request';
import { ensureFederatedUser } from './federated-users';
import { verifierMatches } from './pkce';
import { PreSignUpFailedError, runPreSignUp, type InvokeTrigger } from './pre-sign-up';
import type { SignedInSession, SignInState } from './sign-in-state';
import { refusalPage, testProviderPage } from './test-provider-page';
import { issueTokens, localCognitoJwks } from './tokens';

export interface Reply {
  status: number;
  headers?: Record<string, string>;
  body?: string;
}

export interface EndpointContext {
  clients: ReadonlyMap<string, HostedSignInClient>;
  /** The identity providers the test page offers. */
  providers: readonly string[];
  cognito: CognitoIdentityProviderClient;
  /** The pool's pre-sign-up trigger, if it has one. */
  preSignUp?: InvokeTrigger;
  region: string;
  state: SignInState;
  /** Where clients reach this service. */
  publicUrl: string;
}

const html = (status: number, body: string): Reply => ({
  status,
  headers: { 'content-type': 'text/html; charset=utf-8' },
  body,
});
const json = (status: number, body: unknown): Reply => ({
  status,
  headers: { 'content-type': 'application/json', 'cache-control': 'no-store' },
  body: JSON.stringify(body),
});
const redirect = (location: string): Reply => ({ status: 302, headers: { location } });
const oauthError = (error: string, description: string) =>
  json(400, { error, error_description: description });

export function authorizePage(params: URLSearchParams, context: EndpointContext): Reply {
  const check = checkAuthorizeRequest(params, context.clients, context.providers);
  if (check.ok) return html(200, testProviderPage(params, context.providers));
  if (check.refusal === 'page') return html(400, refusalPage(check.message));
  return redirect(
    redirectTo(check.redirectUri, {
      error: check.error,
      error_description: check.description,
      state: check.state,
    }),
  );
}

/** The test page's form: the authorize request again, and who signs in. */
export async function authorizeSubmit(
  form: URLSearchParams,
  context: EndpointContext,
): Promise<Reply> {
  const check = checkAuthorizeRequest(form, context.clients, context.providers);
  if (!check.ok) return authorizePage(form, context);
  const { request } = check;
  const providerName = form.get('test_provider') ?? '';
  const email = (form.get('test_email') ?? '').trim().toLowerCase();
  if (!context.providers.includes(providerName) || !/^[^@\s]+@[^@\s]+$/.test(email)) {
    return html(400, refusalPage('Choose an offered provider and enter an email.'));
  }
  const name = form.get('test_name')?.trim() || undefined;
  const subject = form.get('test_subject')?.trim() || testSubject(providerName, email);
  const { client } = request;
  const beforeFirstSignIn =
    context.preSignUp &&
    runPreSignUp(context.preSignUp, {
      region: context.region,
      userPoolId: client.userPoolId,
      clientId: client.clientId,
    });
  try {
    const user = await ensureFederatedUser(
      context.cognito,
      client,
      { providerName, subject, email, ...(name !== undefined && { name }) },
      beforeFirstSignIn,
    );
    const code = context.state.codes.issue({
      ...request,
      user,
      authTime: Math.floor(Date.now() / 1000),
    });
    return redirect(redirectTo(request.redirectUri, { code, state: request.state }));
  } catch (error) {
    if (!(error instanceof PreSignUpFailedError)) throw error;
    return redirect(
      redirectTo(request.redirectUri, {
        error: 'invalid_request',
        error_description: error.message,
        state: request.state,
      }),
    );
  }
}

/** A provider's stable user id for a test email: the same person every time. */
function testSubject(providerName: string, email: string): string {
  const digest = createHash('sha256').update(`${providerName}:${email}`).digest('hex');
  return BigInt(`0x${digest.slice(0, 16)}`).toString();
}

export async function token(form: URLSearchParams, context: EndpointContext): Promise<Reply> {
  const client = context.clients.get(form.get('client_id') ?? '');
  if (!client) return oauthError('invalid_client', 'Unknown client_id');
  const grantType = form.get('grant_type');
  if (grantType === 'authorization_code') return exchangeCode(form, client, context);
  if (grantType === 'refresh_token') return refresh(form, client, context);
  return oauthError(
    'unsupported_grant_type',
    'grant_type must be authorization_code or refresh_token',
  );
}

async function exchangeCode(
  form: URLSearchParams,
  client: HostedSignInClient,
  context: EndpointContext,
): Promise<Reply> {
  const grant = context.state.codes.redeem(form.get('code') ?? '');
  if (!grant || grant.client.clientId !== client.clientId) {
    return oauthError('invalid_grant', 'The code is unknown, used or expired');
  }
  if (grant.redirectUri !== form.get('redirect_uri')) {
    return oauthError('invalid_grant', 'redirect_uri differs from the authorize request');
  }
  if (!verifierMatches(form.get('code_verifier') ?? '', grant.codeChallenge)) {
    return oauthError('invalid_grant', 'code_verifier does not match the code_challenge');
  }
  const session: SignedInSession = {
    client: grant.client,
    user: grant.user,
    scopes: grant.scopes,
    authTime: grant.authTime,
    ...(grant.nonce !== undefined && { nonce: grant.nonce }),
  };
  const tokens = await issueTokens(session);
  return json(200, { ...tokens, refresh_token: context.state.keepSession(session) });
}

async function refresh(
  form: URLSearchParams,
  client: HostedSignInClient,
  context: EndpointContext,
): Promise<Reply> {
  const session = context.state.sessionOf(form.get('refresh_token') ?? '', client.clientId);
  if (!session) return oauthError('invalid_grant', 'The refresh token is unknown or expired');
  return json(200, await issueTokens(session));
}

export function logout(params: URLSearchParams, context: EndpointContext): Reply {
  const client = context.clients.get(params.get('client_id') ?? '');
  if (!client) return html(400, refusalPage('Unknown client_id.'));
  const logoutUri = params.get('logout_uri') ?? '';
  if (!client.oauth.logoutUrls.includes(logoutUri)) {
    return html(400, refusalPage('logout_uri is not one of the LogoutURLs of this app client.'));
  }
  return redirect(logoutUri);
}

/** Discovery for the one pool whose clients sign in here. */
export function openidConfiguration(context: EndpointContext): Reply {
  const [client] = context.clients.values();
  if (!client) return json(404, { error: 'no app client allows hosted sign-in' });
  return json(200, {
    issuer: client.issuer,
    authorization_endpoint: `${context.publicUrl}/oauth2/authorize`,
    token_endpoint: `${context.publicUrl}/oauth2/token`,
    end_session_endpoint: `${context.publicUrl}/logout`,
    jwks_uri: `${context.publicUrl}/.well-known/jwks.json`,
    response_types_supported: ['code'],
    grant_types_supported: ['authorization_code', 'refresh_token'],
    code_challenge_methods_supported: ['S256'],
    scopes_supported: [...new Set([...context.clients.values()].flatMap((c) => c.oauth.scopes))],
    subject_types_supported: ['public'],
    id_token_signing_alg_values_supported: ['RS256'],
    token_endpoint_auth_methods_supported: ['none'],
  });
}

export function jwks(): Reply {
  return json(200, localCognitoJwks());
}
