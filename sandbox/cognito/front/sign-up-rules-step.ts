// The template pool's password policy and sign-up rules (../sign-up-rules.ts),
// applied before cognito-local sees the request.
import { isCheckedOperation, refusalOf } from '../sign-up-rules';
import { cognitoError, type FrontStep } from './steps';

export const applySignUpRules: FrontStep = (request, context, next) => {
  const { operation, body } = request;
  if (!isCheckedOperation(operation)) return next();
  const rules = context.pools.rulesFor(body);
  const refusal = rules && refusalOf(operation, body, rules);
  return refusal ? Promise.resolve(cognitoError(400, refusal.type, refusal.message)) : next();
};
