// InitiateAuth with USER_SRP_AUTH: the PASSWORD_VERIFIER challenge, with a
// fresh salt and B for the user's password and the server's state sealed in
// SECRET_BLOCK. A user that does not exist gets a challenge all the same and
// fails at the claim, as Cognito answers for a client with
// PreventUserExistenceErrors (the template's), so sign-in reveals no users.
import { sealSession } from '../srp-secret-block';
import {
  clientPublicValue,
  decoyPublicValue,
  newServerSecret,
  serverPublicValue,
} from '../srp-verifier';
import { missing, poolNameOf, textParameters } from './srp-parameters';
import type { UserPoolClientSpec } from '../../template/model';
import { cognitoError, errorTypeOf, type CognitoAnswer, type FrontContext } from './steps';

export async function passwordVerifierChallenge(
  body: Record<string, unknown>,
  context: FrontContext,
  next: () => Promise<CognitoAnswer>,
): Promise<CognitoAnswer> {
  const entry = context.pools.entryFor(body);
  // A client the template does not declare: cognito-local answers as it does for it.
  if (!entry?.client) return next();
  const { USERNAME: username, SRP_A: srpA } = textParameters(body.AuthParameters);
  if (!username) return missing('USERNAME');
  if (!srpA) return missing('SRP_A');
  if (!srpAllowed(entry.client)) {
    return cognitoError(400, 'InvalidParameterException', 'Auth flow not enabled for this client');
  }
  if (clientPublicValue(srpA) === undefined) {
    return cognitoError(400, 'InvalidParameterException', 'SRP_A is not a valid public value');
  }
  const found = await context.backend('AdminGetUser', {
    UserPoolId: entry.poolId,
    Username: username,
  });
  const type = errorTypeOf(found);
  if (type !== undefined && type !== 'UserNotFoundException') return found;
  const userId = type === undefined ? String(found.body.Username) : undefined;
  const password = userId && (await context.passwords.passwordOf(entry.poolId, userId));
  const secret = newServerSecret();
  const B = password
    ? serverPublicValue({ poolName: poolNameOf(entry.poolId), userId, password }, secret)
    : decoyPublicValue();
  const salt = secret.salt.toString(16);
  const sealed = { poolId: entry.poolId, userId, srpA, salt, b: secret.b.toString(16) };
  const named = userId ?? username;
  return {
    status: 200,
    body: {
      ChallengeName: 'PASSWORD_VERIFIER',
      ChallengeParameters: {
        SALT: salt,
        SRP_B: B.toString(16),
        SECRET_BLOCK: sealSession(sealed),
        USER_ID_FOR_SRP: named,
        USERNAME: named,
      },
    },
  };
}

/** A client without ExplicitAuthFlows allows SRP, as on AWS; otherwise it must name it. */
function srpAllowed(client: UserPoolClientSpec): boolean {
  const flows = client.explicitAuthFlows;
  return (
    flows.length === 0 || flows.includes('ALLOW_USER_SRP_AUTH') || flows.includes('USER_SRP_AUTH')
  );
}
