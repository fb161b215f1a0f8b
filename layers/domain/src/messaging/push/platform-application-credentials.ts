import * as z from 'zod';
import type { PushPlatformKey } from './push-notification';

/** The attributes SNS takes for a platform application's credentials. */
export type PlatformApplicationAttributes = Record<string, string>;

// APNs token-based authentication: the .p8 signing key with its key id, the team and the app.
const ApnsCredentials = z.object({
  signingKey: z.string().includes('-----BEGIN PRIVATE KEY-----', {
    message: 'must be the .p8 key in PEM (-----BEGIN PRIVATE KEY-----)',
  }),
  keyId: z.string().regex(/^[A-Z0-9]{10}$/, 'must be the 10-character key id'),
  teamId: z.string().regex(/^[A-Z0-9]{10}$/, 'must be the 10-character team id'),
  bundleId: z.string().regex(/^[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$/, 'must be a bundle id'),
});

// FCM HTTP v1: the Firebase project's service-account key file, passed to SNS as it is.
const FcmServiceAccount = z.looseObject({
  type: z.literal('service_account'),
  project_id: z.string().min(1),
  private_key: z.string().includes('-----BEGIN PRIVATE KEY-----'),
  client_email: z.email(),
});

/** The platform's credentials read from the secret's value; the error names fields, never values. */
export function platformAttributesOf(
  platform: PushPlatformKey,
  secretValue: string,
): PlatformApplicationAttributes {
  const json = parseJson(secretValue);
  if (platform === 'GCM') {
    parseOrExplain(FcmServiceAccount, json, 'an FCM service-account key');
    return { PlatformCredential: secretValue };
  }
  const apns = parseOrExplain(ApnsCredentials, json, 'APNs credentials');
  return {
    PlatformCredential: apns.signingKey,
    PlatformPrincipal: apns.keyId,
    ApplePlatformTeamID: apns.teamId,
    ApplePlatformBundleID: apns.bundleId,
  };
}

function parseJson(secretValue: string): unknown {
  try {
    return JSON.parse(secretValue) as unknown;
  } catch {
    throw new Error('The credentials secret is not JSON');
  }
}

function parseOrExplain<T extends z.ZodType>(schema: T, json: unknown, what: string): z.infer<T> {
  const result = schema.safeParse(json);
  if (result.success) return result.data;
  const problems = result.error.issues.map(
    (issue) => `${issue.path.join('.') || 'value'}: ${issue.message}`,
  );
  throw new Error(`The credentials secret does not hold ${what} (${problems.join('; ')})`);
}
