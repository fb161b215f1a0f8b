// Enrolling an authenticator app inside the MFA_SETUP challenge, where the
// client has a session rather than an access token: the local Cognito enrols
// only with an access token, so each call is made with the held sign-in's,
// as the signed-in user would make it, and answers with the next session.
import type { MfaSetupSessions, SessionRefusal } from './mfa-setup-sessions';
import { cognitoError, errorTypeOf, type CognitoAnswer, type FrontContext } from './steps';

export function sessionRefusal(refusal: SessionRefusal): CognitoAnswer {
  return cognitoError(
    400,
    'NotAuthorizedException',
    refusal === 'expired'
      ? 'Invalid session for the user, session is expired.'
      : 'Invalid session for the user.',
  );
}

/** AssociateSoftwareToken `{ Session }`: a new secret for the user, and the next session. */
export async function associateWithSession(
  body: Record<string, unknown>,
  context: FrontContext,
  sessions: MfaSetupSessions,
): Promise<CognitoAnswer> {
  const held = sessions.find(body.Session);
  if (typeof held === 'string') return sessionRefusal(held);
  const associated = await context.call('AssociateSoftwareToken', {
    AccessToken: held.authenticationResult.AccessToken,
  });
  if (errorTypeOf(associated) !== undefined) return associated;
  const session = sessions.advance(body.Session as string, { ...held, stage: 'associated' });
  return { status: 200, body: { SecretCode: associated.body.SecretCode, Session: session } };
}

/**
 * VerifySoftwareToken `{ Session, UserCode }`: the app's first code makes it the
 * user's factor, preferred, as Cognito does at the end of MFA_SETUP. A wrong code
 * keeps the session, so the user may try the next one.
 */
export async function verifyWithSession(
  body: Record<string, unknown>,
  context: FrontContext,
  sessions: MfaSetupSessions,
): Promise<CognitoAnswer> {
  const held = sessions.find(body.Session);
  if (typeof held === 'string') return sessionRefusal(held);
  const { AccessToken } = held.authenticationResult;
  const verified = await context.call('VerifySoftwareToken', {
    AccessToken,
    UserCode: body.UserCode,
    ...(body.FriendlyDeviceName !== undefined && { FriendlyDeviceName: body.FriendlyDeviceName }),
  });
  if (errorTypeOf(verified) !== undefined) return verified;
  const preferred = await context.call('SetUserMFAPreference', {
    AccessToken,
    SoftwareTokenMfaSettings: { Enabled: true, PreferredMfa: true },
  });
  if (errorTypeOf(preferred) !== undefined) return preferred;
  const session = sessions.advance(body.Session as string, { ...held, stage: 'verified' });
  return { status: 200, body: { Status: 'SUCCESS', Session: session } };
}
