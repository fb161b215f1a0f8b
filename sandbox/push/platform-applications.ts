// The SNS platform applications the local endpoint hosts, created through the
// API as on SNS (by the stack's custom resource at sandbox start). Checks what
// SNS checks of the credentials' presence, so a custom resource that forgets
// one fails locally too; the credentials themselves are not verified.
import { QueryError } from './query-protocol';

export type PushPlatform = 'APNS' | 'APNS_SANDBOX' | 'GCM';

export interface PlatformApplication {
  arn: string;
  platform: PushPlatform;
  name: string;
  /** `arn:<partition>:sns:<region>:<account>`: where its endpoints' ARNs start. */
  arnPrefix: string;
  attributes: Record<string, string>;
}

const PLATFORMS: readonly string[] = ['APNS', 'APNS_SANDBOX', 'GCM'];
const NAME = /^[\w.-]{1,256}$/;

// APNs token credentials (signing key and key id, team and bundle), or certificate ones; FCM a credential.
function missingCredentials(platform: PushPlatform, attributes: Record<string, string>): string[] {
  const required =
    platform === 'GCM'
      ? ['PlatformCredential']
      : attributes.ApplePlatformTeamID !== undefined ||
          attributes.ApplePlatformBundleID !== undefined
        ? [
            'PlatformCredential',
            'PlatformPrincipal',
            'ApplePlatformTeamID',
            'ApplePlatformBundleID',
          ]
        : ['PlatformCredential', 'PlatformPrincipal'];
  return required.filter((name) => !attributes[name]);
}

export function newPlatformApplication(
  arnPrefix: string,
  name: string,
  platform: string,
  attributes: Record<string, string>,
): PlatformApplication {
  if (!NAME.test(name)) throw new QueryError(400, 'InvalidParameter', 'Invalid parameter: Name');
  if (!PLATFORMS.includes(platform)) {
    throw new QueryError(400, 'InvalidParameter', 'Invalid parameter: Platform');
  }
  const known = platform as PushPlatform;
  assertCredentials(known, attributes);
  return { arn: `${arnPrefix}:app/${known}/${name}`, platform: known, name, arnPrefix, attributes };
}

export function assertCredentials(
  platform: PushPlatform,
  attributes: Record<string, string>,
): void {
  const missing = missingCredentials(platform, attributes);
  if (missing.length > 0) {
    throw new QueryError(
      400,
      'InvalidParameter',
      `Invalid parameter: Attributes Reason: ${missing.join(', ')} required for ${platform}`,
    );
  }
}
