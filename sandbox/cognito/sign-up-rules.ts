// The rules of a template's user pool that cognito-local does not apply, and
// which requests of the Cognito API they refuse, with Cognito's error codes
// and messages: new passwords against the PasswordPolicy, usernames against
// UsernameAttributes, new users against the Schema's required attributes.
import { passwordPolicyViolation } from './password-policy';
import type { UserPoolSpec } from '../template/model';

export type PoolRules = Pick<
  UserPoolSpec,
  'passwordPolicy' | 'usernameAttributes' | 'requiredAttributes'
>;

export interface CognitoRefusal {
  type: 'InvalidPasswordException' | 'InvalidParameterException';
  message: string;
}

interface Attribute {
  Name?: unknown;
  Value?: unknown;
}

/** A request body of the Cognito JSON protocol, as far as the rules read it. */
export interface CognitoRequest {
  Username?: unknown;
  Password?: unknown;
  TemporaryPassword?: unknown;
  ProposedPassword?: unknown;
  UserAttributes?: unknown;
  ChallengeName?: unknown;
  ChallengeResponses?: Record<string, unknown>;
}

type Rule = (request: CognitoRequest, rules: PoolRules) => CognitoRefusal | undefined;

/** The operations (X-Amz-Target suffix) the rules apply to; any other passes untouched. */
const RULES_BY_OPERATION: Record<string, Rule[]> = {
  SignUp: [username, requiredAttributes, password((request) => request.Password)],
  AdminCreateUser: [username, requiredAttributes, password((request) => request.TemporaryPassword)],
  ChangePassword: [password((request) => request.ProposedPassword)],
  ConfirmForgotPassword: [password((request) => request.Password)],
  AdminSetUserPassword: [password((request) => request.Password)],
  RespondToAuthChallenge: [
    password((request) =>
      request.ChallengeName === 'NEW_PASSWORD_REQUIRED'
        ? request.ChallengeResponses?.['NEW_PASSWORD']
        : undefined,
    ),
  ],
};

export function isCheckedOperation(operation: string): boolean {
  return Object.hasOwn(RULES_BY_OPERATION, operation);
}

/** How Cognito would refuse the request under the pool's rules, or undefined to let it through. */
export function refusalOf(
  operation: string,
  request: CognitoRequest,
  rules: PoolRules,
): CognitoRefusal | undefined {
  for (const rule of RULES_BY_OPERATION[operation] ?? []) {
    const refusal = rule(request, rules);
    if (refusal) return refusal;
  }
  return undefined;
}

/** A password given in the request (absent ones are cognito-local's to refuse). */
function password(passwordOf: (request: CognitoRequest) => unknown): Rule {
  return (request, rules) => {
    const given = passwordOf(request);
    const violation =
      typeof given === 'string' ? passwordPolicyViolation(rules.passwordPolicy, given) : undefined;
    return violation ? { type: 'InvalidPasswordException', message: violation } : undefined;
  };
}

const USERNAME_FORMATS: Record<string, RegExp> = {
  email: /^[^@\s]+@[^@\s]+$/,
  phone_number: /^\+[0-9]{4,15}$/,
};

/** With UsernameAttributes, the username must be one of them (Cognito then generates the real one). */
function username(request: CognitoRequest, rules: PoolRules): CognitoRefusal | undefined {
  const kinds = rules.usernameAttributes.filter((kind) => USERNAME_FORMATS[kind]);
  if (kinds.length === 0 || typeof request.Username !== 'string') return undefined;
  const name = request.Username;
  if (kinds.some((kind) => USERNAME_FORMATS[kind]?.test(name))) return undefined;
  const expected =
    kinds.length > 1
      ? 'either an email or a phone number'
      : kinds[0] === 'email'
        ? 'an email'
        : 'a phone number';
  return { type: 'InvalidParameterException', message: `Username should be ${expected}.` };
}

/** Every required attribute with a value; the username does not stand in for one. */
function requiredAttributes(request: CognitoRequest, rules: PoolRules): CognitoRefusal | undefined {
  const given = new Set(
    (Array.isArray(request.UserAttributes) ? (request.UserAttributes as Attribute[]) : [])
      .filter((attribute) => typeof attribute.Value === 'string' && attribute.Value !== '')
      .map((attribute) => attribute.Name),
  );
  const missing = rules.requiredAttributes.filter((name) => !given.has(name));
  if (missing.length === 0) return undefined;
  return {
    type: 'InvalidParameterException',
    message: `Attributes did not conform to the schema: ${missing
      .map((name) => `${name}: The attribute is required`)
      .join('\n')}`,
  };
}
