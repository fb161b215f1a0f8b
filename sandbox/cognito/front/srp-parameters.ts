// What the two halves of the SRP sign-in (srp-challenge.ts, srp-password-claim.ts) read alike.
import { cognitoError, type CognitoAnswer } from './steps';

/** Cognito's pool name, which SRP hashes: the part of the pool id after the region. */
export function poolNameOf(poolId: string): string {
  return poolId.slice(poolId.indexOf('_') + 1);
}

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
