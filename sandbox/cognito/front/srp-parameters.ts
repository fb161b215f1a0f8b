// What the two halves of the SRP sign-in (srp-challenge.ts, srp-password-claim.ts) read alike.
import { cognitoError, type CognitoAnswer } from './steps';

// The pool name as the client hashes it: one definition for both sides.
export { poolNameOf } from '../../../client/src/srp-math';

/** The text entries of AuthParameters or ChallengeResponses; anything else is ignored. */
export function textParameters(value: unknown): Record<string, string> {
  if (typeof value !== 'object' || value === null) return {};
  return Object.fromEntries(
    Object.entries(value).filter(
      (entry): entry is [string, string] => typeof entry[1] === 'string',
    ),
  );
}

export function missing(parameter: string): CognitoAnswer {
  return cognitoError(400, 'InvalidParameterException', `Missing required parameter ${parameter}`);
}
