// Temporary AWS credentials the sandbox has handed out (as STS would for the
// identity pool's roles), kept in memory: the identity pool's local endpoint
// issues them, and the REST gateway looks them up to check a SigV4 signature
// and the role's policies. A restart forgets them, as it forgets identities.
import { randomBytes } from 'node:crypto';

/** Whom a set of credentials stands for: an identity of an identity pool in one of its roles. */
export interface WebIdentityPrincipal {
  identityPoolId: string;
  identityId: string;
  authenticationType: 'authenticated' | 'unauthenticated';
  /** For signed-in identities, as API Gateway passes it: `<provider>,<provider>:CognitoSignIn:<sub>`. */
  authenticationProvider?: string;
  roleArn: string;
  /** The role's identity policies, resolved. */
  policies: readonly unknown[];
}

export interface IssuedCredential {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string;
  expiresAt: Date;
  principal: WebIdentityPrincipal;
}

export interface IssuedCredentials {
  issue(principal: WebIdentityPrincipal): IssuedCredential;
  find(accessKeyId: string): IssuedCredential | undefined;
}

/** Cognito's credentials for an identity last one hour. */
const LIFETIME_MS = 60 * 60 * 1000;
const KEY_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** `ASIA` and 16 more: the shape of temporary access key ids. */
function temporaryAccessKeyId(): string {
  return `ASIA${Array.from(randomBytes(16), (byte) => KEY_ALPHABET[byte % 32]).join('')}`;
}

export function createIssuedCredentials(now: () => number = Date.now): IssuedCredentials {
  const byAccessKey = new Map<string, IssuedCredential>();
  return {
    issue(principal) {
      // Long-expired ones go when new ones come, so the map cannot grow without
      // bound; recently expired ones stay, so that they are refused as expired.
      for (const [key, credential] of byAccessKey) {
        if (credential.expiresAt.getTime() + LIFETIME_MS <= now()) byAccessKey.delete(key);
      }
      const credential: IssuedCredential = {
        accessKeyId: temporaryAccessKeyId(),
        secretAccessKey: randomBytes(30).toString('base64'),
        sessionToken: randomBytes(96).toString('base64'),
        expiresAt: new Date(now() + LIFETIME_MS),
        principal,
      };
      byAccessKey.set(credential.accessKeyId, credential);
      return credential;
    },
    find: (accessKeyId) => byAccessKey.get(accessKeyId),
  };
}
