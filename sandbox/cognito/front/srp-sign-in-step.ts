// USER_SRP_AUTH, which cognito-local lacks: InitiateAuth answers the
// PASSWORD_VERIFIER challenge (srp-challenge.ts), and RespondToAuthChallenge
// checks the client's claim against the password cognito-local keeps, then
// signs in as USER_PASSWORD_AUTH through every step (srp-password-claim.ts).
import { passwordVerifierChallenge } from './srp-challenge';
import { checkPasswordClaim } from './srp-password-claim';
import type { FrontStep } from './steps';

export const answerSrpSignIn: FrontStep = (request, context, next) => {
  const { operation, body } = request;
  if (operation === 'InitiateAuth' && body.AuthFlow === 'USER_SRP_AUTH')
    return passwordVerifierChallenge(body, context, next);
  if (operation === 'RespondToAuthChallenge' && body.ChallengeName === 'PASSWORD_VERIFIER')
    return checkPasswordClaim(body, context);
  return next();
};
