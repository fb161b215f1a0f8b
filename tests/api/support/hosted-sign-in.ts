import { createHash, randomBytes } from 'node:crypto';
import { sandboxOutputs } from './outputs';

// A native app's side of hosted sign-in (authorization code with PKCE), done
// with plain fetch: the app opens /oauth2/authorize, the person fills in the
// page, the redirect to the app's URI carries the code, the app exchanges it.

export const CALLBACK = 'myapp://auth/callback';

export interface PkcePair {
  verifier: string;
  challenge: string;
}

/** RFC 7636: a random verifier and its S256 challenge, computed here as an app computes it. */
export function pkcePair(): PkcePair {
  const verifier = randomBytes(32).toString('base64url');
  const challenge = createHash('sha256').update(verifier).digest('base64url');
  return { verifier, challenge };
}

export function authorizeUrl(challenge: string, overrides: Record<string, string> = {}): string {
  const { SignInEndpoint, UserPoolClientId } = sandboxOutputs();
  const query = new URLSearchParams({
    response_type: 'code',
    client_id: UserPoolClientId,
    redirect_uri: CALLBACK,
    scope: 'openid email profile',
    state: randomBytes(8).toString('hex'),
    code_challenge: challenge,
    code_challenge_method: 'S256',
    ...overrides,
  });
  return `${SignInEndpoint}/oauth2/authorize?${query}`;
}

/** The hidden fields of the page's form, as a browser would post them back. */
function hiddenFields(page: string): Record<string, string> {
  const decode = (text: string) =>
    text.replace(/&#(\d+);/g, (_match, code: string) => String.fromCharCode(Number(code)));
  return Object.fromEntries(
    [...page.matchAll(/<input type="hidden" name="([^"]*)" value="([^"]*)">/g)].map(
      ([, name = '', value = '']) => [decode(name), decode(value)],
    ),
  );
}

export interface TestPerson {
  provider: string;
  email: string;
  name?: string;
}

/** Opens the authorize page and signs in as the person; the reply is the redirect (not followed). */
export async function signInOnPage(url: string, person: TestPerson): Promise<Response> {
  const page = await (await fetch(url)).text();
  const form = new URLSearchParams({
    ...hiddenFields(page),
    test_provider: person.provider,
    test_email: person.email,
    ...(person.name && { test_name: person.name }),
  });
  return fetch(`${sandboxOutputs().SignInEndpoint}/oauth2/authorize`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: form,
    redirect: 'manual',
  });
}

/** The code and state of the redirect to the app. */
export function callbackOf(reply: Response): URLSearchParams {
  const location = reply.headers.get('location') ?? '';
  if (!location.startsWith(`${CALLBACK}?`)) {
    throw new Error(`expected a redirect to ${CALLBACK}, got ${reply.status} ${location}`);
  }
  return new URL(location).searchParams;
}

export async function tokenRequest(fields: Record<string, string>): Promise<{
  status: number;
  json: Record<string, string>;
}> {
  const { SignInEndpoint, UserPoolClientId } = sandboxOutputs();
  const reply = await fetch(`${SignInEndpoint}/oauth2/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ client_id: UserPoolClientId, ...fields }),
  });
  return { status: reply.status, json: (await reply.json()) as Record<string, string> };
}

export const exchangeCode = (code: string, verifier: string, redirectUri = CALLBACK) =>
  tokenRequest({
    grant_type: 'authorization_code',
    code,
    code_verifier: verifier,
    redirect_uri: redirectUri,
  });

/** A JWT's claims, read as an app reads them (no verification: the API verifies). */
export function claimsOf(token: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8'));
}

/** A full sign-in: a fresh PKCE pair, the page, the exchange. */
export async function signInWithTestProvider(person: TestPerson) {
  const { verifier, challenge } = pkcePair();
  const callback = callbackOf(await signInOnPage(authorizeUrl(challenge), person));
  const tokens = await exchangeCode(callback.get('code') ?? '', verifier);
  if (tokens.status !== 200) throw new Error(`token exchange: ${JSON.stringify(tokens.json)}`);
  return tokens.json as { id_token: string; access_token: string; refresh_token: string };
}
