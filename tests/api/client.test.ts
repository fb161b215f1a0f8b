// The typed client (client/) against the sandbox, as an app uses it: every
// REST reply it gets is also checked against docs/openapi.json.
import { randomUUID } from 'node:crypto';
import { jest } from '@jest/globals';
import {
  ApiError,
  CognitoError,
  createMobileBackendClient,
  type MobileBackendClient,
  type ServerFrame,
} from '../../client/src/index';
import { runCognitoSdk } from '../support/cognito-sdk/run';
import { assertMatchesContract } from './support/contract';
import { eventually } from './support/http';
import { sandboxOutputs } from './support/outputs';
import { newUser } from './support/users';
import { tinyPng as png } from './support/images';

/** fetch, with every reply of the REST API checked against the document. */
const contractCheckedFetch: typeof fetch = async (input, init) => {
  const response = await fetch(input, init);
  const { ApiUrl } = sandboxOutputs();
  const url = String(input);
  if (url.startsWith(ApiUrl)) {
    const path = new URL(url).pathname.slice(new URL(ApiUrl).pathname.length);
    const text = await response.clone().text();
    assertMatchesContract(String(init?.method ?? 'GET'), path, {
      status: response.status,
      headers: response.headers,
      text,
    });
  }
  return response;
};

// Each test signs users up through Cognito and waits for asynchronous work.
jest.setTimeout(30_000);

const newClient = () =>
  createMobileBackendClient(sandboxOutputs(), { fetch: contractCheckedFetch });

async function confirmationCode(email: string): Promise<string> {
  const url = `${sandboxOutputs().MailOutboxUrl}?to=${encodeURIComponent(email)}`;
  const mails = await eventually(
    async () => ((await (await fetch(url)).json()) as { items: { code: string }[] }).items,
    (items) => items.length > 0,
    15_000,
  );
  return mails.at(-1)?.code ?? '';
}

/** A client signed in with the client's own sign-in, as a user the test support created. */
async function signedInClient(): Promise<{
  client: MobileBackendClient;
  email: string;
  sub: string;
  password: string;
}> {
  const user = await newUser();
  const client = newClient();
  await client.auth.signIn(user.email, user.password);
  return { client, email: user.email, sub: user.sub, password: user.password };
}

/** A client of a new user who signed up, confirmed the code from the mail outbox and signed in. */
async function signedUpClient(): Promise<{
  client: MobileBackendClient;
  email: string;
  sub: string;
}> {
  const client = newClient();
  const email = `client-${randomUUID().slice(0, 13)}@example.com`;
  const password = `Pw-${randomUUID()}-A1!`;
  const { userSub } = await client.auth.signUp(email, password);
  await client.auth.confirmSignUp(email, await confirmationCode(email));
  await client.auth.signIn(email, password);
  return { client, email, sub: userSub };
}

/** A sign-in with Cognito's own JavaScript SDK (amazon-cognito-identity-js), in a Node process of its own. */
function sdkSignIn(username: string, password: string) {
  const { UserPoolId, UserPoolClientId, CognitoEndpoint } = sandboxOutputs();
  return runCognitoSdk<{ idToken?: string; error?: unknown }>('sign-in.mjs', {
    userPoolId: UserPoolId,
    clientId: UserPoolClientId,
    endpoint: CognitoEndpoint,
    username,
    password,
  });
}

describe('the typed client', () => {
  it('signs up, confirms, signs in and reads the profile with the ID token', async () => {
    const { client, email, sub } = await signedUpClient();

    const { data: profile } = await client.api.request('get', '/v1/me');

    expect(profile).toMatchObject({ userId: sub, email });
  });

  it('signs in with USER_SRP_AUTH, and the password never goes to Cognito', async () => {
    const user = await newUser();
    const sent: string[] = [];
    const recordingFetch: typeof fetch = (input, init) => {
      if (String(input).startsWith(sandboxOutputs().CognitoEndpoint)) sent.push(String(init?.body));
      return contractCheckedFetch(input, init);
    };
    const client = createMobileBackendClient(sandboxOutputs(), { fetch: recordingFetch });

    await client.auth.signIn(user.email, user.password);
    const { data: profile } = await client.api.request('get', '/v1/me');

    expect(profile.userId).toBe(user.sub);
    expect(sent.map((body) => JSON.parse(body) as Record<string, unknown>)).toMatchObject([
      { AuthFlow: 'USER_SRP_AUTH' },
      { ChallengeName: 'PASSWORD_VERIFIER' },
    ]);
    expect(sent.join('\n')).not.toContain(user.password);
  });

  it('refuses a wrong password with Cognito’s error', async () => {
    const { client, email } = await signedInClient();

    const signIn = client.auth.signIn(email, `Pw-${randomUUID()}-B2!`);

    await expect(signIn).rejects.toBeInstanceOf(CognitoError);
    await expect(signIn).rejects.toMatchObject({
      type: 'NotAuthorizedException',
      message: 'NotAuthorizedException: Incorrect username or password.',
      status: 400,
    });
  });

  it('refuses an unknown user as it refuses a wrong password', async () => {
    const client = newClient();

    const signIn = client.auth.signIn(`nobody-${randomUUID()}@example.com`, 'Pw-1-Unknown!');

    await expect(signIn).rejects.toMatchObject({ type: 'NotAuthorizedException', status: 400 });
  });

  it('signs in with USER_PASSWORD_AUTH when told to', async () => {
    const user = await newUser();
    const client = createMobileBackendClient(sandboxOutputs(), {
      fetch: contractCheckedFetch,
      authFlow: 'USER_PASSWORD_AUTH',
    });

    await client.auth.signIn(user.email, user.password);
    const { data: profile } = await client.api.request('get', '/v1/me');

    expect(profile.userId).toBe(user.sub);
  });

  it('lets Cognito’s own JavaScript SDK sign in with SRP, as a mobile app would', async () => {
    const user = await newUser();

    const signedIn = await sdkSignIn(user.email, user.password);
    const me = await fetch(`${sandboxOutputs().ApiUrl.replace(/\/$/, '')}/v1/me`, {
      headers: { Authorization: `Bearer ${signedIn.idToken}` },
    });

    expect(signedIn.error).toBeUndefined();
    expect(me.status).toBe(200);
    expect(((await me.json()) as { userId: string }).userId).toBe(user.sub);
  });

  it('gives Cognito’s JavaScript SDK Cognito’s answer to a wrong password', async () => {
    const user = await newUser();

    const signedIn = await sdkSignIn(user.email, `${user.password}-not`);

    expect(signedIn).toEqual({
      error: { code: 'NotAuthorizedException', message: 'Incorrect username or password.' },
    });
  });

  it('can reach Cognito from a browser page of another origin', async () => {
    const answer = await fetch(sandboxOutputs().CognitoEndpoint, {
      method: 'POST',
      headers: {
        Origin: 'http://localhost:8081',
        'Content-Type': 'application/x-amz-json-1.1',
        'X-Amz-Target': 'AWSCognitoIdentityProviderService.InitiateAuth',
      },
      body: JSON.stringify({
        ClientId: sandboxOutputs().UserPoolClientId,
        AuthFlow: 'USER_SRP_AUTH',
        AuthParameters: { USERNAME: 'someone@example.com', SRP_A: 'abc123' },
      }),
    });

    expect(answer.status).toBe(200);
    expect(answer.headers.get('access-control-allow-origin')).toBe('*');
  });

  it('refreshes the tokens, and after sign-out no longer can', async () => {
    const { client } = await signedInClient();

    const refreshed = await client.auth.refresh();
    const { data: profile } = await client.api.request('get', '/v1/me');
    await client.auth.signOut();

    expect(refreshed.idToken.split('.')).toHaveLength(3);
    expect(profile.userId).toBeTruthy();
    expect(client.auth.current()).toBeUndefined();
    await expect(client.auth.refresh()).rejects.toMatchObject({ type: 'NotAuthorizedException' });
  });

  it('refreshes the tokens on a 401 and sends the request once more', async () => {
    const { client, sub } = await signedInClient();
    const tokens = client.auth.current();
    if (!tokens) throw new Error('not signed in');
    // An ID token the client holds as valid but the gateway refuses, as after a key rotation.
    client.auth.useTokens({ ...tokens, idToken: 'eyJhbGciOiJub25lIn0.e30.' });

    const { data: profile } = await client.api.request('get', '/v1/me');

    expect(profile.userId).toBe(sub);
    expect(client.auth.current()?.idToken).not.toBe('eyJhbGciOiJub25lIn0.e30.');
  });

  it('throws the 401 when the refresh token no longer works', async () => {
    const { client } = await signedInClient();
    const tokens = client.auth.current();
    if (!tokens) throw new Error('not signed in');
    client.auth.useTokens({
      ...tokens,
      idToken: 'eyJhbGciOiJub25lIn0.e30.',
      refreshToken: 'revoked',
    });

    const request = client.api.request('get', '/v1/me');

    await expect(request).rejects.toMatchObject({ status: 401 });
  });

  it('creates an item once for one Idempotency-Key, edits it with If-Match and deletes it', async () => {
    const { client } = await signedInClient();
    const idempotencyKey = randomUUID();
    const body = { title: 'Red bike', visibility: 'public' as const, tags: ['bike'] };

    const first = await client.api.request('post', '/v1/items', { body, idempotencyKey });
    const replay = await client.api.request('post', '/v1/items', { body, idempotencyKey });
    const id = first.data.id;
    const edited = await client.api.request('patch', '/v1/items/{id}', {
      path: { id },
      body: { title: 'Blue bike' },
      ifMatch: first.etag,
    });
    const stale = client.api.request('patch', '/v1/items/{id}', {
      path: { id },
      body: { title: 'Green bike' },
      ifMatch: first.etag,
    });

    expect(replay.data.id).toBe(id);
    expect(edited.data).toMatchObject({ title: 'Blue bike', version: 2 });
    await expect(stale).rejects.toMatchObject({ status: 412, kind: 'precondition-failed' });
    await client.api.request('delete', '/v1/items/{id}', {
      path: { id },
      ifMatch: edited.data.version,
    });
    await expect(
      client.api.request('get', '/v1/items/{id}', { path: { id } }),
    ).rejects.toBeInstanceOf(ApiError);
  });

  it('uploads a photo through the presigned URL until it is ready to download', async () => {
    const { client } = await signedInClient();

    const mediaId = await client.uploadMedia(png, { contentType: 'image/png', size: png.length });
    const media = await client.waitForMedia(mediaId);
    const download = await fetch(String(media.url));

    expect(media.status).toBe('ready');
    expect(Buffer.from(await download.arrayBuffer())).toEqual(png);
  });

  it('delivers the typing indicator and then the message live over the WebSocket API', async () => {
    const a = await signedInClient();
    const b = await signedInClient();
    await a.client.api.request('get', '/v1/me');
    const frames: ServerFrame[] = [];
    const live = a.client.realtime();
    live.onFrame((frame) => frames.push(frame));
    await live.opened();
    const bLive = b.client.realtime();
    await bLive.opened();

    bLive.typing(a.sub);
    await b.client.api.request('post', '/v1/messages', {
      body: { to: a.sub, text: 'Is it still there?' },
    });
    await eventually(
      async () => frames,
      (seen) => seen.some((frame) => frame.type === 'message'),
      10_000,
    );
    live.close();
    bLive.close();

    expect(frames.map((frame) => frame.type)).toEqual(['typing', 'message']);
    expect(frames[1]).toMatchObject({ message: { from: b.sub, text: 'Is it still there?' } });
  });
});
