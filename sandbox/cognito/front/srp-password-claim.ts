// RespondToAuthChallenge with PASSWORD_VERIFIER: the claim must be signed
// with the key only the password gives, over the SECRET_BLOCK this front
// sealed and a TIMESTAMP in Cognito's format. A valid claim signs in as
// USER_PASSWORD_AUTH through every step (MFA challenges, the user's status
// and the tokens come from there); anything else is Cognito's one answer
// for a wrong password.
import { openSession, type SrpSession } from '../srp-secret-block';
import { claimIsValid, clientPublicValue } from '../srp-verifier';
import { missing, poolNameOf, textParameters } from './srp-parameters';
import { cognitoError, type CognitoAnswer, type FrontContext } from './steps';

const CLAIM_PARAMETERS = [
  'USERNAME',
  'PASSWORD_CLAIM_SECRET_BLOCK',
  'PASSWORD_CLAIM_SIGNATURE',
  'TIMESTAMP',
] as const;

/** "Tue Dec 1 09:05:07 UTC 2026": English names, the day of the month unpadded, UTC. */
const COGNITO_TIMESTAMP =
  /^(Sun|Mon|Tue|Wed|Thu|Fri|Sat) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) ([1-9]|[12]\d|3[01]) ([01]\d|2[0-3]):[0-5]\d:[0-5]\d UTC \d{4}$/;

const incorrect = cognitoError(400, 'NotAuthorizedException', 'Incorrect username or password.');

type ClaimResponses = Record<(typeof CLAIM_PARAMETERS)[number], string> & {
  SECRET_HASH?: string;
};

export async function checkPasswordClaim(
  body: Record<string, unknown>,
  context: FrontContext,
): Promise<CognitoAnswer> {
  const responses = textParameters(body.ChallengeResponses);
  const absent = CLAIM_PARAMETERS.find((name) => !responses[name]);
  if (absent) return missing(`ChallengeResponses.${absent}`);
  const claim = responses as ClaimResponses;
  const proven = await provenUser(context, context.pools.entryFor(body)?.poolId, claim);
  if (!proven) return incorrect;
  return context.call('InitiateAuth', {
    ClientId: body.ClientId,
    AuthFlow: 'USER_PASSWORD_AUTH',
    AuthParameters: {
      USERNAME: proven.userId,
      PASSWORD: proven.password,
      ...(claim.SECRET_HASH && { SECRET_HASH: claim.SECRET_HASH }),
    },
    ...(body.ClientMetadata !== undefined && { ClientMetadata: body.ClientMetadata }),
  });
}

/** The user and password the claim proves, or undefined when it proves nothing. */
async function provenUser(
  context: FrontContext,
  poolId: string | undefined,
  claim: ClaimResponses,
): Promise<{ userId: string; password: string } | undefined> {
  const session = openSession(claim.PASSWORD_CLAIM_SECRET_BLOCK);
  const userId = session?.userId;
  if (!session || !userId || !poolId || session.poolId !== poolId) return undefined;
  if (!COGNITO_TIMESTAMP.test(claim.TIMESTAMP)) return undefined;
  if (!(await namesUser(context, session, claim.USERNAME))) return undefined;
  const password = await context.passwords.passwordOf(poolId, userId);
  const A = clientPublicValue(session.srpA);
  if (!password || A === undefined) return undefined;
  const valid = claimIsValid(
    { poolName: poolNameOf(poolId), userId, password },
    { salt: BigInt(`0x${session.salt}`), b: BigInt(`0x${session.b}`) },
    {
      A,
      secretBlock: claim.PASSWORD_CLAIM_SECRET_BLOCK,
      timestamp: claim.TIMESTAMP,
      signature: claim.PASSWORD_CLAIM_SIGNATURE,
    },
  );
  return valid ? { userId, password } : undefined;
}

/** The SDKs answer with USER_ID_FOR_SRP; an alias of the same user (the email) is taken too. */
async function namesUser(context: FrontContext, session: SrpSession, username: string) {
  if (username === session.userId) return true;
  const found = await context.backend('AdminGetUser', {
    UserPoolId: session.poolId,
    Username: username,
  });
  return found.status === 200 && found.body.Username === session.userId;
}
