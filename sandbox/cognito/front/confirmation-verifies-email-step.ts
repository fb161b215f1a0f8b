// Confirming a sign-up with the code Cognito emailed proves the email: in a
// pool that verifies email at sign-up (AutoVerifiedAttributes), Cognito marks
// it verified, and cognito-local does not. Linking depends on it: the
// pre-sign-up trigger links federated sign-ins only to verified emails.
import { cognitoError, type FrontStep } from './steps';

export const verifyEmailOnConfirmation: FrontStep = async (request, context, next) => {
  const { operation, body } = request;
  if (operation !== 'ConfirmSignUp') return next();
  const entry = context.pools.entryFor(body);
  const answer = await next();
  if (answer.status !== 200 || !entry?.pool.autoVerifiedAttributes.includes('email')) {
    return answer;
  }
  const user = await context.backend('AdminGetUser', {
    UserPoolId: entry.poolId,
    Username: body.Username,
  });
  const attributes = (user.body.UserAttributes ?? []) as { Name?: string; Value?: string }[];
  const email = attributes.find((attribute) => attribute.Name === 'email')?.Value;
  if (user.status !== 200 || !email) return answer;
  const verified = await context.backend('AdminUpdateUserAttributes', {
    UserPoolId: entry.poolId,
    Username: body.Username,
    UserAttributes: [
      { Name: 'email', Value: email },
      { Name: 'email_verified', Value: 'true' },
    ],
  });
  return verified.status === 200
    ? answer
    : cognitoError(500, 'InternalErrorException', 'The confirmed email could not be verified');
};
