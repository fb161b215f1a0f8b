// MFA required (MfaMode=ON) against a sandbox of its own: a user without a
// factor who signs in is asked to enrol one (MFA_SETUP), enrols an
// authenticator app with the challenge's session, and from then on signs in
// with its code, computed here as the app computes it.
import { randomUUID } from 'node:crypto';
import {
  AdminCreateUserCommand,
  AssociateSoftwareTokenCommand,
  CodeMismatchException,
  CognitoIdentityProviderClient,
  GetUserPoolMfaConfigCommand,
  InitiateAuthCommand,
  NotAuthorizedException,
  RespondToAuthChallengeCommand,
  VerifySoftwareTokenCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { jest } from '@jest/globals';
import { ensureUser } from '../../sandbox/cognito/users';
import type { SandboxOutputs } from './support/outputs';
import { startOwnSandbox, type OwnSandbox } from './support/own-sandbox';
import { totp } from './support/totp';

jest.setTimeout(60_000);

let own: OwnSandbox;
let outputs: SandboxOutputs;
let cognito: CognitoIdentityProviderClient;

beforeAll(async () => {
  own = await startOwnSandbox({ parameterOverrides: ['MfaMode=ON'] });
  ({ outputs, cognito } = own);
}, 120_000);

afterAll(() => own?.stop());

/** A confirmed user with a password and no factor yet. */
async function userWithoutFactor() {
  const email = `mfa-on-${randomUUID()}@example.com`;
  const password = `Pw-${randomUUID()}-A1!`;
  await ensureUser(cognito, { userPoolId: outputs.UserPoolId, email, password });
  return { email, password };
}

const passwordSignIn = (email: string, password: string) =>
  cognito.send(
    new InitiateAuthCommand({
      ClientId: outputs.UserPoolClientId,
      AuthFlow: 'USER_PASSWORD_AUTH',
      AuthParameters: { USERNAME: email, PASSWORD: password },
    }),
  );

const associate = (session: string | undefined) =>
  cognito.send(new AssociateSoftwareTokenCommand({ Session: session }));

const verify = (session: string | undefined, code: string) =>
  cognito.send(
    new VerifySoftwareTokenCommand({
      Session: session,
      UserCode: code,
      FriendlyDeviceName: 'phone',
    }),
  );

const answerMfaSetup = (email: string, session: string | undefined) =>
  cognito.send(
    new RespondToAuthChallengeCommand({
      ClientId: outputs.UserPoolClientId,
      ChallengeName: 'MFA_SETUP',
      Session: session,
      ChallengeResponses: { USERNAME: email },
    }),
  );

/** The whole enrolment at the first sign-in; the secret is the authenticator app's. */
async function enrolAtFirstSignIn(user: { email: string; password: string }) {
  const challenge = await passwordSignIn(user.email, user.password);
  const { SecretCode: secret = '', Session: associated } = await associate(challenge.Session);
  const verified = await verify(associated, totp(secret));
  const answered = await answerMfaSetup(user.email, verified.Session);
  return { secret, verified, answered };
}

const profileWith = (idToken: string | undefined) =>
  fetch(`${outputs.ApiUrl}/v1/me`, { headers: { Authorization: `Bearer ${idToken}` } });

describe('MFA required with MfaMode=ON', () => {
  it("gives the local pool the template's MFA: required", async () => {
    // act
    const config = await cognito.send(
      new GetUserPoolMfaConfigCommand({ UserPoolId: outputs.UserPoolId }),
    );

    // assess
    expect(config.MfaConfiguration).toBe('ON');
    expect(config.SoftwareTokenMfaConfiguration?.Enabled).toBe(true);
  });

  it('asks a user without a factor to set one up instead of signing them in', async () => {
    // prepare
    const user = await userWithoutFactor();

    // act
    const reply = await passwordSignIn(user.email, user.password);

    // assess
    expect(reply.ChallengeName).toBe('MFA_SETUP');
    expect(reply.Session).toEqual(expect.any(String));
    expect(JSON.parse(reply.ChallengeParameters?.MFAS_CAN_SETUP ?? '[]')).toContain(
      'SOFTWARE_TOKEN_MFA',
    );
    expect(reply.AuthenticationResult).toBeUndefined();
  });

  it('enrols an authenticator app with the session and signs the user in with tokens the API takes', async () => {
    // prepare
    const user = await userWithoutFactor();

    // act
    const { secret, verified, answered } = await enrolAtFirstSignIn(user);

    // assess
    expect(secret).toMatch(/^[A-Z2-7]+=*$/);
    expect(verified.Status).toBe('SUCCESS');
    expect((await profileWith(answered.AuthenticationResult?.IdToken)).status).toBe(200);
  });

  it('asks an enrolled user for the code at the next sign-in, and the code signs them in', async () => {
    // prepare
    const user = await userWithoutFactor();
    const { secret } = await enrolAtFirstSignIn(user);

    // act
    const challenge = await passwordSignIn(user.email, user.password);
    const answered = await cognito.send(
      new RespondToAuthChallengeCommand({
        ClientId: outputs.UserPoolClientId,
        ChallengeName: 'SOFTWARE_TOKEN_MFA',
        Session: challenge.Session,
        ChallengeResponses: { USERNAME: user.email, SOFTWARE_TOKEN_MFA_CODE: totp(secret) },
      }),
    );

    // assess
    expect(challenge.ChallengeName).toBe('SOFTWARE_TOKEN_MFA');
    expect((await profileWith(answered.AuthenticationResult?.IdToken)).status).toBe(200);
  });

  it('refuses a code that does not match the secret, and enrols nothing', async () => {
    // prepare
    const user = await userWithoutFactor();
    const challenge = await passwordSignIn(user.email, user.password);
    const { SecretCode: secret = '', Session: associated } = await associate(challenge.Session);

    // act
    const verified = verify(associated, totp(secret, Date.now() - 3600_000));

    // assess
    await expect(verified).rejects.toBeInstanceOf(CodeMismatchException);
    const again = await passwordSignIn(user.email, user.password);
    expect(again.ChallengeName).toBe('MFA_SETUP');
  });

  it('refuses a session it never gave', async () => {
    // act
    const associated = associate(`made-up-${randomUUID()}-${randomUUID()}`);

    // assess
    await expect(associated).rejects.toMatchObject({
      name: 'NotAuthorizedException',
      message: 'Invalid session for the user.',
    });
  });

  it('refuses a session already spent, and the challenge answered before the app is verified', async () => {
    // prepare
    const user = await userWithoutFactor();
    const challenge = await passwordSignIn(user.email, user.password);
    const { Session: associated } = await associate(challenge.Session);

    // act
    const reused = associate(challenge.Session);
    const early = answerMfaSetup(user.email, associated);

    // assess
    await expect(reused).rejects.toBeInstanceOf(NotAuthorizedException);
    await expect(early).rejects.toBeInstanceOf(NotAuthorizedException);
  });

  it('asks a new user who sets a permanent password to set up a factor next', async () => {
    // prepare
    const email = `mfa-on-${randomUUID()}@example.com`;
    const temporary = `Tmp-${randomUUID()}-A1!`;
    await cognito.send(
      new AdminCreateUserCommand({
        UserPoolId: outputs.UserPoolId,
        Username: email,
        TemporaryPassword: temporary,
        MessageAction: 'SUPPRESS',
        UserAttributes: [{ Name: 'email', Value: email }],
      }),
    );
    const newPassword = await passwordSignIn(email, temporary);

    // act
    const reply = await cognito.send(
      new RespondToAuthChallengeCommand({
        ClientId: outputs.UserPoolClientId,
        ChallengeName: 'NEW_PASSWORD_REQUIRED',
        Session: newPassword.Session,
        ChallengeResponses: { USERNAME: email, NEW_PASSWORD: `Pw-${randomUUID()}-A1!` },
      }),
    );

    // assess
    expect(newPassword.ChallengeName).toBe('NEW_PASSWORD_REQUIRED');
    expect(reply.ChallengeName).toBe('MFA_SETUP');
    expect(reply.AuthenticationResult).toBeUndefined();
  });
});
