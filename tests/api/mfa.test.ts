// TOTP multi-factor sign-in against a sandbox started with MfaMode=OPTIONAL:
// a user enrols an authenticator app, and from then on signs in with its code,
// computed here as the app computes it.
import { randomUUID } from 'node:crypto';
import {
  AssociateSoftwareTokenCommand,
  CodeMismatchException,
  CognitoIdentityProviderClient,
  GetUserPoolMfaConfigCommand,
  InitiateAuthCommand,
  RespondToAuthChallengeCommand,
  SetUserMFAPreferenceCommand,
  VerifySoftwareTokenCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { jest } from '@jest/globals';
import { ensureUser, signIn } from '../../sandbox/cognito/users';
import type { SandboxOutputs } from './support/outputs';
import { startOwnSandbox, type OwnSandbox } from './support/own-sandbox';
import { totp } from './support/totp';
import { signInWithSrp } from '../../client/src/srp-sign-in';

jest.setTimeout(60_000);

let own: OwnSandbox;
let outputs: SandboxOutputs;
let cognito: CognitoIdentityProviderClient;

beforeAll(async () => {
  own = await startOwnSandbox({ parameterOverrides: ['MfaMode=OPTIONAL'] });
  ({ outputs, cognito } = own);
}, 120_000);

afterAll(() => own?.stop());

async function signedInUser() {
  const email = `mfa-${randomUUID()}@example.com`;
  const password = `Pw-${randomUUID()}-A1!`;
  await ensureUser(cognito, { userPoolId: outputs.UserPoolId, email, password });
  const tokens = await signIn(cognito, { clientId: outputs.UserPoolClientId, email, password });
  return { email, password, accessToken: tokens.accessToken };
}

/** Enrols an authenticator app for the user and prefers it; the secret is the app's. */
async function enrolTotp(accessToken: string): Promise<string> {
  const { SecretCode: secret = '' } = await cognito.send(
    new AssociateSoftwareTokenCommand({ AccessToken: accessToken }),
  );
  await cognito.send(
    new VerifySoftwareTokenCommand({
      AccessToken: accessToken,
      UserCode: totp(secret),
      FriendlyDeviceName: 'phone',
    }),
  );
  await cognito.send(
    new SetUserMFAPreferenceCommand({
      AccessToken: accessToken,
      SoftwareTokenMfaSettings: { Enabled: true, PreferredMfa: true },
    }),
  );
  return secret;
}

const passwordSignIn = (email: string, password: string) =>
  cognito.send(
    new InitiateAuthCommand({
      ClientId: outputs.UserPoolClientId,
      AuthFlow: 'USER_PASSWORD_AUTH',
      AuthParameters: { USERNAME: email, PASSWORD: password },
    }),
  );

const answerTotp = (email: string, session: string | undefined, code: string) =>
  cognito.send(
    new RespondToAuthChallengeCommand({
      ClientId: outputs.UserPoolClientId,
      ChallengeName: 'SOFTWARE_TOKEN_MFA',
      Session: session,
      ChallengeResponses: { USERNAME: email, SOFTWARE_TOKEN_MFA_CODE: code },
    }),
  );

/** One call of Cognito's JSON API, as the typed client makes it. */
async function cognitoCall<T>(operation: string, body: Record<string, unknown>): Promise<T> {
  const reply = await fetch(outputs.CognitoEndpoint, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/x-amz-json-1.1',
      'X-Amz-Target': `AWSCognitoIdentityProviderService.${operation}`,
    },
    body: JSON.stringify({ ClientId: outputs.UserPoolClientId, ...body }),
  });
  return (await reply.json()) as T;
}

/** USER_SRP_AUTH as the typed client signs in. */
const srpSignIn = (email: string, password: string) =>
  signInWithSrp<{ ChallengeName?: string; Session?: string }>(cognitoCall, email, password, {
    userPoolId: outputs.UserPoolId,
  });

describe('TOTP MFA with MfaMode=OPTIONAL', () => {
  it("gives the local pool the template's MFA: optional, with authenticator apps", async () => {
    // act
    const config = await cognito.send(
      new GetUserPoolMfaConfigCommand({ UserPoolId: outputs.UserPoolId }),
    );

    // assess
    expect(config.MfaConfiguration).toBe('OPTIONAL');
    expect(config.SoftwareTokenMfaConfiguration?.Enabled).toBe(true);
  });

  it('signs a user without a factor in with the password alone', async () => {
    // prepare
    const user = await signedInUser();

    // act
    const reply = await passwordSignIn(user.email, user.password);

    // assess
    expect(reply.ChallengeName).toBeUndefined();
    expect(reply.AuthenticationResult?.IdToken).toBeDefined();
  });

  it('asks an enrolled user for the code, and the code from the app signs them in', async () => {
    // prepare
    const user = await signedInUser();
    const secret = await enrolTotp(user.accessToken);

    // act
    const challenge = await passwordSignIn(user.email, user.password);
    const answered = await answerTotp(user.email, challenge.Session, totp(secret));

    // assess
    expect(challenge.ChallengeName).toBe('SOFTWARE_TOKEN_MFA');
    expect(challenge.AuthenticationResult).toBeUndefined();
    const me = await fetch(`${outputs.ApiUrl}/v1/me`, {
      headers: { Authorization: `Bearer ${answered.AuthenticationResult?.IdToken}` },
    });
    expect(me.status).toBe(200);
  });

  it('asks an enrolled user for the code after an SRP sign-in too', async () => {
    // prepare
    const user = await signedInUser();
    const secret = await enrolTotp(user.accessToken);

    // act
    const challenge = await srpSignIn(user.email, user.password);
    const answered = await answerTotp(user.email, challenge.Session, totp(secret));

    // assess
    expect(challenge.ChallengeName).toBe('SOFTWARE_TOKEN_MFA');
    expect(answered.AuthenticationResult?.IdToken).toBeDefined();
  });

  it('refuses a code that is not the current one', async () => {
    // prepare
    const user = await signedInUser();
    const secret = await enrolTotp(user.accessToken);
    const challenge = await passwordSignIn(user.email, user.password);
    const anHourAgo = totp(secret, Date.now() - 3600_000);

    // act
    const answered = answerTotp(user.email, challenge.Session, anHourAgo);

    // assess
    await expect(answered).rejects.toBeInstanceOf(CodeMismatchException);
  });

  it('refuses to enrol an app whose code does not match the secret', async () => {
    // prepare
    const user = await signedInUser();
    const { SecretCode: secret = '' } = await cognito.send(
      new AssociateSoftwareTokenCommand({ AccessToken: user.accessToken }),
    );

    // act
    const verified = cognito.send(
      new VerifySoftwareTokenCommand({
        AccessToken: user.accessToken,
        UserCode: totp(secret, Date.now() - 3600_000),
      }),
    );

    // assess
    await expect(verified).rejects.toBeInstanceOf(CodeMismatchException);
  });
});
