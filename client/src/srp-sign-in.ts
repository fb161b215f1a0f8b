// Sign-in with USER_SRP_AUTH: InitiateAuth with SRP_A, then the answer to
// the PASSWORD_VERIFIER challenge signed with the key only the password
// gives; the password itself never leaves the device.
import {
  claimSignature,
  cognitoTimestamp,
  newSrpSecret,
  passwordAuthenticationKey,
} from './srp-claim';
import type { RandomBytes } from './srp-claim';
import { poolNameOf } from './srp-math';

export type CognitoCall = <T>(operation: string, body: Record<string, unknown>) => Promise<T>;

interface ChallengeReply {
  ChallengeName?: string;
  ChallengeParameters?: Record<string, string>;
  Session?: string;
}

export interface SrpSignInOptions {
  /** The user pool's id, e.g. `eu-west-1_AbCdEf123`: SRP hashes the part after `_`. */
  userPoolId: string;
  randomBytes?: RandomBytes;
  now?: () => Date;
}

/** The reply of the last call: tokens, or the next challenge (MFA, a new password). */
export async function signInWithSrp<T>(
  call: CognitoCall,
  username: string,
  password: string,
  options: SrpSignInOptions,
): Promise<T> {
  const secret = newSrpSecret(options.randomBytes);
  const started = await call<ChallengeReply>('InitiateAuth', {
    AuthFlow: 'USER_SRP_AUTH',
    AuthParameters: { USERNAME: username, SRP_A: secret.A.toString(16) },
  });
  const parameters = started.ChallengeParameters ?? {};
  const {
    SALT: salt,
    SRP_B: srpB,
    SECRET_BLOCK: secretBlock,
    USER_ID_FOR_SRP: userId,
  } = parameters;
  if (started.ChallengeName !== 'PASSWORD_VERIFIER' || !salt || !srpB || !secretBlock || !userId) {
    throw new Error(`USER_SRP_AUTH: Cognito answered ${started.ChallengeName ?? 'no challenge'}`);
  }
  const poolName = poolNameOf(options.userPoolId);
  const key = await passwordAuthenticationKey(secret, { poolName, userId, password, salt, srpB });
  const timestamp = cognitoTimestamp(options.now?.() ?? new Date());
  return call<T>('RespondToAuthChallenge', {
    ChallengeName: 'PASSWORD_VERIFIER',
    ...(started.Session && { Session: started.Session }),
    ChallengeResponses: {
      USERNAME: userId,
      PASSWORD_CLAIM_SECRET_BLOCK: secretBlock,
      TIMESTAMP: timestamp,
      PASSWORD_CLAIM_SIGNATURE: await claimSignature(key, {
        poolName,
        userId,
        secretBlock,
        timestamp,
      }),
    },
  });
}
