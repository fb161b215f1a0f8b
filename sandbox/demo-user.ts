import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { ensureUser, signIn, SignInChallengeError } from './cognito/users';
import { localCredentials } from './runtime/lambda-environment';

export const demoUser = {
  email: 'demo@example.com',
  // Meets the template's password policy; local only.
  password: 'Demo-password-2026!',
  groups: ['customers'],
};

/** The demo user's fresh ID token, or the challenge its sign-in asks first. */
export type DemoSignIn = { idToken: string } | { challenge: string };

/**
 * Makes sure the demo user exists and returns a fresh ID token for it, or the
 * challenge its sign-in must answer first (MFA_SETUP with MfaMode=ON).
 */
export async function seedDemoUser(outputs: Record<string, string>): Promise<DemoSignIn> {
  const client = new CognitoIdentityProviderClient({
    endpoint: outputs.CognitoEndpoint,
    region: 'us-east-1',
    credentials: {
      accessKeyId: localCredentials.accessKeyId,
      secretAccessKey: localCredentials.secretAccessKey,
    },
  });
  const userPoolId = outputs.UserPoolId;
  const clientId = outputs.UserPoolClientId;
  if (!userPoolId || !clientId) {
    throw new Error('template.yaml has no UserPoolId/UserPoolClientId outputs to seed a demo user');
  }
  await ensureUser(client, {
    userPoolId,
    email: demoUser.email,
    password: demoUser.password,
    groups: demoUser.groups,
  });
  try {
    const tokens = await signIn(client, {
      clientId,
      email: demoUser.email,
      password: demoUser.password,
    });
    return { idToken: tokens.idToken };
  } catch (error) {
    if (error instanceof SignInChallengeError) return { challenge: error.challenge };
    throw error;
  }
}
