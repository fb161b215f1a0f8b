import { jest } from '@jest/globals';
import { mfaSetupStep } from '../../../../sandbox/cognito/front/mfa-setup-step';
import { createMfaSetupSessions } from '../../../../sandbox/cognito/front/mfa-setup-sessions';
import {
  cognitoError,
  runSteps,
  type CognitoAnswer,
  type FrontContext,
} from '../../../../sandbox/cognito/front/steps';
import { createPoolDirectory } from '../../../../sandbox/cognito/pool-directory';
import type { UserPoolSpec } from '../../../../sandbox/template/model';
import { unusedPasswords } from './front/unused-passwords';

const poolWith = (mfaConfiguration: string): UserPoolSpec => ({
  logicalId: 'UserPool',
  poolName: 'users',
  usernameAttributes: ['email'],
  autoVerifiedAttributes: ['email'],
  passwordPolicy: {},
  requiredAttributes: [],
  mfaConfiguration,
  enabledMfas: ['SOFTWARE_TOKEN_MFA'],
  clients: [],
  groups: [],
});

const tokens = { AccessToken: 'access-1', IdToken: 'id-1', RefreshToken: 'refresh-1' };
const signedIn: CognitoAnswer = {
  status: 200,
  body: { ChallengeParameters: {}, AuthenticationResult: tokens },
};
const ok = (body: Record<string, unknown>): CognitoAnswer => ({ status: 200, body });
const signIn = {
  operation: 'InitiateAuth',
  body: { ClientId: 'client-on', AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: {} },
};

/** The front with only this step, the local Cognito played by `local`. */
function frontWith(local: (operation: string, body: Record<string, unknown>) => CognitoAnswer) {
  const pools = createPoolDirectory();
  pools.add('pool-on', ['client-on'], poolWith('ON'));
  pools.add('pool-optional', ['client-optional'], poolWith('OPTIONAL'));
  const backend = jest.fn((operation: string, body: Record<string, unknown>) =>
    Promise.resolve(local(operation, body)),
  );
  const steps = [mfaSetupStep(createMfaSetupSessions())];
  const context: FrontContext = {
    pools,
    backend,
    call: (operation, body) =>
      runSteps(steps, { operation, body }, context, () => backend(operation, body)),
    log: () => undefined,
    passwords: unusedPasswords,
  };
  return { backend, call: context.call };
}

/** A local Cognito whose user has no factor until VerifySoftwareToken gets the right code. */
function localCognito() {
  let enrolled = false;
  return (operation: string, body: Record<string, unknown>): CognitoAnswer => {
    if (operation === 'InitiateAuth') return signedIn;
    if (operation === 'GetUser')
      return ok({ UserMFASettingList: enrolled ? ['SOFTWARE_TOKEN_MFA'] : [] });
    if (operation === 'AssociateSoftwareToken') return ok({ SecretCode: 'SECRET' });
    if (operation === 'VerifySoftwareToken') {
      if (body.UserCode !== '123456') return cognitoError(400, 'CodeMismatchException', 'no');
      enrolled = true;
      return ok({ Status: 'SUCCESS' });
    }
    if (operation === 'SetUserMFAPreference') return ok({});
    if (operation === 'GetUserPoolMfaConfig') return ok({ MfaConfiguration: 'OPTIONAL' });
    throw new Error(`unexpected ${operation}`);
  };
}

async function enrolled(call: FrontContext['call']) {
  const challenge = await call(signIn.operation, signIn.body);
  const associated = await call('AssociateSoftwareToken', { Session: challenge.body.Session });
  const verified = await call('VerifySoftwareToken', {
    Session: associated.body.Session,
    UserCode: '123456',
  });
  return { challenge, associated, verified };
}

const finish = (session: unknown, clientId = 'client-on') => ({
  ClientId: clientId,
  ChallengeName: 'MFA_SETUP',
  Session: session,
  ChallengeResponses: { USERNAME: 'ana@example.com' },
});

describe('MFA_SETUP in front of the local Cognito, for a pool with MFA ON', () => {
  it('answers the password sign-in of a user without a factor with MFA_SETUP, not the tokens', async () => {
    // prepare
    const { call } = frontWith(localCognito());

    // act
    const answer = await call(signIn.operation, signIn.body);

    // assess
    expect(answer.body.ChallengeName).toBe('MFA_SETUP');
    expect(answer.body.ChallengeParameters).toEqual({ MFAS_CAN_SETUP: '["SOFTWARE_TOKEN_MFA"]' });
    expect(typeof answer.body.Session).toBe('string');
    expect(answer.body.AuthenticationResult).toBeUndefined();
  });

  it('enrols the app with the session: the secret, then SUCCESS, each with a new session', async () => {
    // prepare
    const { call, backend } = frontWith(localCognito());

    // act
    const { challenge, associated, verified } = await enrolled(call);

    // assess
    expect(associated.body.SecretCode).toBe('SECRET');
    expect(verified.body.Status).toBe('SUCCESS');
    const sessions = [challenge, associated, verified].map((answer) => answer.body.Session);
    expect(new Set(sessions).size).toBe(3);
    expect(backend).toHaveBeenCalledWith('VerifySoftwareToken', {
      AccessToken: 'access-1',
      UserCode: '123456',
    });
    expect(backend).toHaveBeenCalledWith('SetUserMFAPreference', {
      AccessToken: 'access-1',
      SoftwareTokenMfaSettings: { Enabled: true, PreferredMfa: true },
    });
  });

  it('gives the held tokens to the answer of MFA_SETUP with the verified session, once', async () => {
    // prepare
    const { call } = frontWith(localCognito());
    const { verified } = await enrolled(call);

    // act
    const answer = await call('RespondToAuthChallenge', finish(verified.body.Session));
    const again = await call('RespondToAuthChallenge', finish(verified.body.Session));

    // assess
    expect(answer.body.AuthenticationResult).toEqual(tokens);
    expect(again.body).toEqual({
      __type: 'NotAuthorizedException',
      message: 'Invalid session for the user.',
    });
  });

  it("refuses a wrong code with the local Cognito's CodeMismatchException and keeps the session for a retry", async () => {
    // prepare
    const { call } = frontWith(localCognito());
    const challenge = await call(signIn.operation, signIn.body);
    const associated = await call('AssociateSoftwareToken', { Session: challenge.body.Session });

    // act
    const wrong = await call('VerifySoftwareToken', {
      Session: associated.body.Session,
      UserCode: '000000',
    });
    const retried = await call('VerifySoftwareToken', {
      Session: associated.body.Session,
      UserCode: '123456',
    });

    // assess
    expect(wrong.body.__type).toBe('CodeMismatchException');
    expect(retried.body.Status).toBe('SUCCESS');
  });

  it.each([
    ['a session it never gave', () => 'made-up-session-made-up-session'],
    ['a session that is not a string', () => 42],
  ])('refuses to enrol with %s', async (_name, session) => {
    // prepare
    const { call } = frontWith(localCognito());

    // act
    const answer = await call('AssociateSoftwareToken', { Session: session() });

    // assess
    expect(answer.status).toBe(400);
    expect(answer.body.__type).toBe('NotAuthorizedException');
  });

  it('refuses a session that was spent by the step after it', async () => {
    // prepare
    const { call } = frontWith(localCognito());
    const challenge = await call(signIn.operation, signIn.body);
    await call('AssociateSoftwareToken', { Session: challenge.body.Session });

    // act
    const reused = await call('AssociateSoftwareToken', { Session: challenge.body.Session });

    // assess
    expect(reused.body.message).toBe('Invalid session for the user.');
  });

  it('refuses to answer MFA_SETUP before the app is verified', async () => {
    // prepare
    const { call } = frontWith(localCognito());
    const challenge = await call(signIn.operation, signIn.body);
    const associated = await call('AssociateSoftwareToken', { Session: challenge.body.Session });

    // act
    const answer = await call('RespondToAuthChallenge', finish(associated.body.Session));

    // assess
    expect(answer.body.__type).toBe('NotAuthorizedException');
    expect(answer.body.AuthenticationResult).toBeUndefined();
  });

  it('refuses to answer MFA_SETUP from another app client', async () => {
    // prepare
    const { call } = frontWith(localCognito());
    const { verified } = await enrolled(call);

    // act
    const answer = await call('RespondToAuthChallenge', finish(verified.body.Session, 'other'));

    // assess
    expect(answer.body.__type).toBe('NotAuthorizedException');
  });

  it('lets the tokens of a user with a factor through, as the local Cognito gave them', async () => {
    // prepare
    const { call } = frontWith((operation) =>
      operation === 'GetUser' ? ok({ UserMFASettingList: ['SOFTWARE_TOKEN_MFA'] }) : signedIn,
    );

    // act
    const answer = await call('RespondToAuthChallenge', {
      ClientId: 'client-on',
      ChallengeName: 'SOFTWARE_TOKEN_MFA',
    });

    // assess
    expect(answer).toEqual(signedIn);
  });

  it('lets refreshed tokens through without asking for a factor', async () => {
    // prepare
    const { call, backend } = frontWith(localCognito());

    // act
    const answer = await call('InitiateAuth', {
      ClientId: 'client-on',
      AuthFlow: 'REFRESH_TOKEN_AUTH',
    });

    // assess
    expect(answer).toEqual(signedIn);
    expect(backend).not.toHaveBeenCalledWith('GetUser', expect.anything());
  });

  it('leaves a pool with MFA OPTIONAL to the local Cognito', async () => {
    // prepare
    const { call } = frontWith(localCognito());

    // act
    const answer = await call('InitiateAuth', { ...signIn.body, ClientId: 'client-optional' });

    // assess
    expect(answer).toEqual(signedIn);
  });

  it('describes the pool with MFA ON, as the template declares it', async () => {
    // prepare
    const { call } = frontWith(localCognito());

    // act
    const answer = await call('GetUserPoolMfaConfig', { UserPoolId: 'pool-on' });

    // assess
    expect(answer.body.MfaConfiguration).toBe('ON');
  });
});
