// The template's app client prevents user-existence errors
// (`PreventUserExistenceErrors: ENABLED`), so Cognito answers in a way that
// never tells an app whether an account exists: a failed password sign-in is
// NotAuthorizedException "Incorrect username or password." for a wrong
// password and an unknown user alike, and ForgotPassword for an unknown user
// (and ResendConfirmationCode) for an unknown user answers as if a code had
// been sent. cognito-local says
// InvalidPasswordException for a wrong password (which an app would show as a
// password-policy failure), "User not authorized" for an unknown user, and
// UserNotFoundException to ForgotPassword (and the front's own
// ResendConfirmationCode says the same).
import { cognitoError, errorTypeOf, type CognitoAnswer, type FrontStep } from './steps';

const SIGN_IN_OPERATIONS = new Set(['InitiateAuth', 'AdminInitiateAuth']);
const CODE_OPERATIONS = new Set(['ForgotPassword', 'ResendConfirmationCode']);

export const preventUserExistenceErrors: FrontStep = async (request, _context, next) => {
  const answer = await next();
  if (SIGN_IN_OPERATIONS.has(request.operation) && isFailedPasswordCheck(answer)) {
    return cognitoError(400, 'NotAuthorizedException', 'Incorrect username or password.');
  }
  if (CODE_OPERATIONS.has(request.operation) && errorTypeOf(answer) === 'UserNotFoundException') {
    return codeSentTo(request.body.Username);
  }
  return answer;
};

function isFailedPasswordCheck(answer: CognitoAnswer): boolean {
  const type = errorTypeOf(answer);
  // Other NotAuthorizedExceptions (a disabled user, a bad refresh token) keep their message.
  return (
    type === 'InvalidPasswordException' ||
    (type === 'NotAuthorizedException' && answer.body.message === 'User not authorized')
  );
}

/** What Cognito answers for a code sent by email: the destination masked, e.g. `n***@e***`. */
function codeSentTo(username: unknown): CognitoAnswer {
  const [local = '', domain = ''] = typeof username === 'string' ? username.split('@') : [];
  return {
    status: 200,
    body: {
      CodeDeliveryDetails: {
        AttributeName: 'email',
        DeliveryMedium: 'EMAIL',
        Destination: `${local.slice(0, 1)}***@${domain.slice(0, 1)}***`,
      },
    },
  };
}
