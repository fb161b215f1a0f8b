// The SNS platform applications the sandbox hosts: every template parameter
// whose value is a platform application ARN (`arn:aws:sns:…:app/APNS/<name>`,
// `APNS_SANDBOX` or `GCM`). The ARN is used as is, so the functions get the
// same value they would get deployed, and `--parameter-overrides` may name others.

export type PushPlatform = 'APNS' | 'APNS_SANDBOX' | 'GCM';

export interface PlatformApplication {
  arn: string;
  platform: PushPlatform;
  name: string;
  /** `arn:<partition>:sns:<region>:<account>`: where its endpoints' ARNs start. */
  arnPrefix: string;
}

const APPLICATION_ARN = /^(arn:[\w-]+:sns:[\w-]+:\d{12}):app\/(APNS|APNS_SANDBOX|GCM)\/([\w.-]+)$/;

export function platformApplicationOf(arn: string): PlatformApplication | undefined {
  const match = APPLICATION_ARN.exec(arn);
  if (!match) return undefined;
  const [, arnPrefix, platform, name] = match as unknown as [string, string, PushPlatform, string];
  return { arn, platform, name, arnPrefix };
}

export function readPlatformApplications(
  parameters: Record<string, string>,
): PlatformApplication[] {
  const applications = new Map<string, PlatformApplication>();
  for (const value of Object.values(parameters)) {
    const application = platformApplicationOf(value);
    if (application) applications.set(application.arn, application);
  }
  return [...applications.values()];
}
