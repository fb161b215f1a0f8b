// Cognito's MFA_SETUP for a template pool with MfaConfiguration ON. The local
// Cognito runs such a pool as OPTIONAL (../mfa-configuration.ts): it asks
// enrolled users for their code and signs in users without a factor. This
// step holds those users' tokens behind an MFA_SETUP session, enrols their
// authenticator app with the session (mfa-setup-enrolment.ts), and gives the
// tokens once RespondToAuthChallenge MFA_SETUP comes with the verified session.
import { associateWithSession, sessionRefusal, verifyWithSession } from './mfa-setup-enrolment';
import {
  createMfaSetupSessions,
  type HeldSignIn,
  type MfaSetupSessions,
} from './mfa-setup-sessions';
import {
  errorTypeOf,
  type CognitoAnswer,
  type CognitoRequest,
  type FrontContext,
  type FrontStep,
} from './steps';

const SIGN_IN_OPERATIONS = new Set([
  'InitiateAuth',
  'AdminInitiateAuth',
  'RespondToAuthChallenge',
  'AdminRespondToAuthChallenge',
]);
/** Cognito asks for no factor when tokens are refreshed. */
const REFRESH_FLOWS = new Set(['REFRESH_TOKEN_AUTH', 'REFRESH_TOKEN']);
const POOL_DESCRIPTIONS = new Set(['GetUserPoolMfaConfig', 'DescribeUserPool']);

export function mfaSetupStep(sessions: MfaSetupSessions = createMfaSetupSessions()): FrontStep {
  return (request, context, next) => {
    const { operation, body } = request;
    const withSession = body.AccessToken === undefined && body.Session !== undefined;
    if (operation.endsWith('RespondToAuthChallenge') && body.ChallengeName === 'MFA_SETUP')
      return Promise.resolve(finishSetup(body, sessions));
    if (SIGN_IN_OPERATIONS.has(operation))
      return challengeWithoutFactor(request, context, next, sessions);
    if (operation === 'AssociateSoftwareToken' && withSession)
      return associateWithSession(body, context, sessions);
    if (operation === 'VerifySoftwareToken' && withSession)
      return verifyWithSession(body, context, sessions);
    if (POOL_DESCRIPTIONS.has(operation)) return describeTemplateMfa(request, context, next);
    return next();
  };
}

/** A sign-in that ends with tokens for a user without a factor ends with MFA_SETUP instead. */
async function challengeWithoutFactor(
  { body }: CognitoRequest,
  context: FrontContext,
  next: () => Promise<CognitoAnswer>,
  sessions: MfaSetupSessions,
): Promise<CognitoAnswer> {
  const answer = await next();
  const pool = context.pools.rulesFor(body);
  const tokens = tokensOf(answer);
  if (pool?.mfaConfiguration !== 'ON' || REFRESH_FLOWS.has(String(body.AuthFlow)) || !tokens)
    return answer;
  const user = await context.backend('GetUser', { AccessToken: tokens.AccessToken });
  if (errorTypeOf(user) !== undefined || hasFactor(user.body)) return answer;
  const held: HeldSignIn = {
    clientId: String(body.ClientId),
    authenticationResult: tokens,
    stage: 'challenged',
  };
  return {
    status: 200,
    body: {
      ChallengeName: 'MFA_SETUP',
      ChallengeParameters: { MFAS_CAN_SETUP: JSON.stringify(pool.enabledMfas) },
      Session: sessions.open(held),
    },
  };
}

/** The pool's MFA as the template declares it, not as the local Cognito runs it. */
async function describeTemplateMfa(
  { operation, body }: CognitoRequest,
  context: FrontContext,
  next: () => Promise<CognitoAnswer>,
): Promise<CognitoAnswer> {
  const answer = await next();
  if (context.pools.rulesFor(body)?.mfaConfiguration !== 'ON' || errorTypeOf(answer) !== undefined)
    return answer;
  return { ...answer, body: withMfaOn(operation, answer.body) };
}

export const requireMfaSetup = mfaSetupStep();

/** RespondToAuthChallenge MFA_SETUP: the held tokens, once the app is verified, to the client that signed in. */
export function finishSetup(
  body: Record<string, unknown>,
  sessions: MfaSetupSessions,
): CognitoAnswer {
  const held = sessions.find(body.Session);
  if (typeof held === 'string') return sessionRefusal(held);
  if (held.stage !== 'verified' || held.clientId !== body.ClientId)
    return sessionRefusal('unknown');
  sessions.close(body.Session as string);
  return {
    status: 200,
    body: { ChallengeParameters: {}, AuthenticationResult: held.authenticationResult },
  };
}

function tokensOf(answer: CognitoAnswer): HeldSignIn['authenticationResult'] | undefined {
  const result = answer.body.AuthenticationResult as Record<string, unknown> | undefined;
  const accessToken = result?.AccessToken;
  return answer.status === 200 && typeof accessToken === 'string'
    ? { ...result, AccessToken: accessToken }
    : undefined;
}

/** A factor is enrolled: TOTP or SMS in the MFA settings, or a legacy SMS option. */
export function hasFactor(user: Record<string, unknown>): boolean {
  const listed = (value: unknown) => Array.isArray(value) && value.length > 0;
  return listed(user.UserMFASettingList) || listed(user.MFAOptions);
}

function withMfaOn(operation: string, body: Record<string, unknown>): Record<string, unknown> {
  if (operation === 'GetUserPoolMfaConfig') return { ...body, MfaConfiguration: 'ON' };
  const pool = body.UserPool as Record<string, unknown> | undefined;
  return pool ? { ...body, UserPool: { ...pool, MfaConfiguration: 'ON' } } : body;
}
