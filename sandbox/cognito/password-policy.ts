// The password check Cognito applies to every new password, from the user
// pool's PasswordPolicy: same order of checks and same messages, so an app
// shows locally what it would show on AWS.
import type { UserPoolSpec } from '../template/model';

export type PasswordPolicy = UserPoolSpec['passwordPolicy'];

/** What Cognito gives a pool created without a PasswordPolicy. */
const COGNITO_DEFAULT_POLICY: Required<PasswordPolicy> = {
  MinimumLength: 8,
  RequireLowercase: true,
  RequireUppercase: true,
  RequireNumbers: true,
  RequireSymbols: true,
};

// Cognito's special characters; a space counts unless it leads or trails.
const SYMBOLS = new Set('^$*.[]{}()?"!@#%&/\\,><\':;|_~`=+-');

const hasSymbol = (password: string): boolean =>
  [...password].some((char) => SYMBOLS.has(char)) || password.trim().includes(' ');

// In Cognito's order: the first rule broken is the one reported.
const RULES: {
  broken: (policy: Required<PasswordPolicy>, password: string) => boolean;
  reason: string;
}[] = [
  {
    broken: (policy, password) => password.length < policy.MinimumLength,
    reason: 'Password not long enough',
  },
  {
    broken: (policy, password) => policy.RequireLowercase && !/[a-z]/.test(password),
    reason: 'Password must have lowercase characters',
  },
  {
    broken: (policy, password) => policy.RequireUppercase && !/[A-Z]/.test(password),
    reason: 'Password must have uppercase characters',
  },
  {
    broken: (policy, password) => policy.RequireNumbers && !/[0-9]/.test(password),
    reason: 'Password must have numeric characters',
  },
  {
    broken: (policy, password) => policy.RequireSymbols && !hasSymbol(password),
    reason: 'Password must have symbol characters',
  },
];

/** Cognito's message when the password breaks the policy, else undefined. */
export function passwordPolicyViolation(
  policy: PasswordPolicy,
  password: string,
): string | undefined {
  const effective = effectivePolicy(policy);
  const rule = RULES.find(({ broken }) => broken(effective, password));
  return rule && `Password did not conform with policy: ${rule.reason}`;
}

/** A template without PasswordPolicy gets Cognito's default; a partial one, false for the rest. */
function effectivePolicy(policy: PasswordPolicy): Required<PasswordPolicy> {
  if (Object.keys(policy).length === 0) return COGNITO_DEFAULT_POLICY;
  return {
    MinimumLength: policy.MinimumLength ?? COGNITO_DEFAULT_POLICY.MinimumLength,
    RequireLowercase: policy.RequireLowercase ?? false,
    RequireUppercase: policy.RequireUppercase ?? false,
    RequireNumbers: policy.RequireNumbers ?? false,
    RequireSymbols: policy.RequireSymbols ?? false,
  };
}
