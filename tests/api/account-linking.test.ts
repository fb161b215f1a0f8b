// Account linking through the sandbox, against a sandbox with Google and
// Sign in with Apple configured (so the pool has the pre-sign-up trigger): a person with a
// password account who signs in with Google under the same verified email is
// linked to that account by the trigger and signs in as it.
import { randomUUID } from 'node:crypto';
import {
  CognitoIdentityProviderClient,
  ConfirmSignUpCommand,
  InitiateAuthCommand,
  SignUpCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { jest } from '@jest/globals';
import { claimsOf, signInWithTestProvider } from './support/hosted-sign-in';
import { call, eventually } from './support/http';
import { mailsTo } from './support/mail-outbox';
import type { SandboxOutputs } from './support/outputs';
import { startOwnSandbox, type OwnSandbox } from './support/own-sandbox';

jest.setTimeout(60_000);

let own: OwnSandbox;
let outputs: SandboxOutputs;
let cognito: CognitoIdentityProviderClient;

beforeAll(async () => {
  own = await startOwnSandbox({
    parameterOverrides: [
      // The sandbox never reads the providers' secrets: the test page stands in for them.
      'GoogleSignInSecretName=local/sign-in/google',
      'AppleSignInSecretName=local/sign-in/apple',
    ],
    forSupportHelpers: true,
  });
  ({ outputs, cognito } = own);
}, 180_000);

afterAll(() => own?.stop());

const newEmail = () => `link-${randomUUID()}@example.com`;
const password = () => `Pw-${randomUUID()}-A1!`;

/** The new account's sub. */
async function signUp(email: string, secret: string): Promise<string | undefined> {
  const { UserSub: sub } = await cognito.send(
    new SignUpCommand({
      ClientId: outputs.UserPoolClientId,
      Username: email,
      Password: secret,
      UserAttributes: [{ Name: 'email', Value: email }],
    }),
  );
  return sub;
}

/** Signs up and confirms with the emailed code, as an app does; the password sign-in's ID token. */
async function passwordAccount(email: string): Promise<string> {
  const secret = password();
  await signUp(email, secret);
  const [mail] = await eventually(
    () => mailsTo(email),
    (mails) => mails.length > 0,
  );
  await cognito.send(
    new ConfirmSignUpCommand({
      ClientId: outputs.UserPoolClientId,
      Username: email,
      ConfirmationCode: mail?.code,
    }),
  );
  const signedIn = await cognito.send(
    new InitiateAuthCommand({
      ClientId: outputs.UserPoolClientId,
      AuthFlow: 'USER_PASSWORD_AUTH',
      AuthParameters: { USERNAME: email, PASSWORD: secret },
    }),
  );
  return signedIn.AuthenticationResult?.IdToken ?? '';
}

const google = (email: string) => ({ provider: 'Google', email, name: 'Linked Person' });

describe('a Google sign-in with the verified email of a password account', () => {
  it('signs in as that account: same sub and username, Google among its identities', async () => {
    // prepare
    const email = newEmail();
    const passwordClaims = claimsOf(await passwordAccount(email));

    // act
    const tokens = await signInWithTestProvider(google(email));

    // assess
    const id = claimsOf(tokens.id_token);
    expect(id.sub).toBe(passwordClaims.sub);
    expect(id['cognito:username']).toBe(passwordClaims['cognito:username']);
    expect(id.email).toBe(email);
    expect(id.identities).toEqual([
      expect.objectContaining({ providerName: 'Google', providerType: 'Google' }),
    ]);
    expect(claimsOf(tokens.access_token).sub).toBe(passwordClaims.sub);
  });

  it("opens the account's data: the item made with the password is the federated token's", async () => {
    // prepare
    const email = newEmail();
    const passwordToken = await passwordAccount(email);
    const created = await call('POST', '/v1/items', {
      token: passwordToken,
      body: { title: 'Made with a password', visibility: 'private' },
    });

    // act
    const tokens = await signInWithTestProvider(google(email));
    const read = await call('GET', `/v1/items/${String(created.json.id)}`, {
      token: tokens.id_token,
    });

    // assess
    expect(created.status).toBe(201);
    expect(read.status).toBe(200);
    expect(read.json).toMatchObject({ id: created.json.id, ownerId: claimsOf(passwordToken).sub });
  });

  it('goes straight in the next time, still linked once', async () => {
    // prepare
    const email = newEmail();
    const passwordSub = claimsOf(await passwordAccount(email)).sub;
    await signInWithTestProvider(google(email));

    // act
    const again = claimsOf((await signInWithTestProvider(google(email))).id_token);

    // assess
    expect(again.sub).toBe(passwordSub);
    expect(again.identities).toHaveLength(1);
  });
});

describe('a Google sign-in that the trigger does not link', () => {
  it('makes a new federated user for an email no account has', async () => {
    // prepare
    const email = newEmail();

    // act
    const id = claimsOf((await signInWithTestProvider(google(email))).id_token);

    // assess
    expect(id['cognito:username']).toMatch(/^google_\d+$/);
    expect(id.identities).toEqual([
      expect.objectContaining({ providerName: 'Google', primary: 'true' }),
    ]);
  });

  it('makes a second user beside an account whose email is not verified, as Cognito does', async () => {
    // prepare
    const email = newEmail();
    const unverifiedSub = await signUp(email, password());

    // act
    const tokens = await signInWithTestProvider(google(email));

    // assess
    const id = claimsOf(tokens.id_token);
    expect(unverifiedSub).toEqual(expect.any(String));
    expect(id.sub).not.toBe(unverifiedSub);
    expect(id['cognito:username']).toMatch(/^google_\d+$/);
    const me = await call('GET', '/v1/me', { token: tokens.id_token });
    expect(me.status).toBe(200);
    expect(me.json.email).toBe(email);
  });

  it('makes a new user for a second provider with the email of a federated user, as Cognito does', async () => {
    // prepare
    const email = newEmail();
    const googleSub = claimsOf((await signInWithTestProvider(google(email))).id_token).sub;

    // act
    const apple = claimsOf(
      (await signInWithTestProvider({ provider: 'SignInWithApple', email })).id_token,
    );

    // assess
    expect(apple.sub).not.toBe(googleSub);
    expect(apple['cognito:username']).toMatch(/^signinwithapple_\d+$/);
  });
});
