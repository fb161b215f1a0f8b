// ResendConfirmationCode, which the local Cognito lacks: a new sign-up code for
// a user who has not confirmed yet. The local Cognito keeps one code per user,
// the one ConfirmSignUp checks, and its ForgotPassword is what replaces it with
// a new one and delivers it; the delivery carries nothing of a password reset
// (no message template or trigger names its purpose), so it reaches the mail
// outbox as the sign-up code did. The old code stops working, as on Cognito.
import { cognitoError, errorTypeOf, type FrontStep } from './steps';

export const resendConfirmationCode: FrontStep = async (request, context, next) => {
  if (request.operation !== 'ResendConfirmationCode') return next();
  const { ClientId, Username } = request.body;
  const entry = context.pools.entryFor(request.body);
  if (!entry) {
    const message = `User pool client ${String(ClientId)} does not exist.`;
    return cognitoError(400, 'ResourceNotFoundException', message);
  }
  if (typeof Username !== 'string' || Username === '')
    return cognitoError(400, 'InvalidParameterException', 'Missing required parameter Username');
  const user = await context.backend('AdminGetUser', { UserPoolId: entry.poolId, Username });
  if (errorTypeOf(user) === 'UserNotFoundException')
    return cognitoError(400, 'UserNotFoundException', 'Username/client id combination not found.');
  if (errorTypeOf(user) !== undefined) return user;
  if (user.body.UserStatus !== 'UNCONFIRMED')
    return cognitoError(400, 'InvalidParameterException', 'User is already confirmed.');
  const issued = await context.backend('ForgotPassword', { ClientId, Username });
  if (errorTypeOf(issued) !== undefined) return issued;
  return { status: 200, body: { CodeDeliveryDetails: issued.body.CodeDeliveryDetails } };
};
