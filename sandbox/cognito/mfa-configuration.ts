// The pool's MFA as the template sets it (MfaConfiguration, EnabledMfas), on
// the local Cognito through SetUserPoolMfaConfig, as CloudFormation applies it.
import { SetUserPoolMfaConfigCommand } from '@aws-sdk/client-cognito-identity-provider';
import type {
  CognitoIdentityProviderClient,
  UserPoolMfaType,
} from '@aws-sdk/client-cognito-identity-provider';
import type { UserPoolSpec } from '../template/model';

/**
 * What the local Cognito is told. With MFA required, Cognito makes a user
 * without a factor enrol at sign-in (MFA_SETUP); the local Cognito has no such
 * challenge and would refuse that user outright. Told OPTIONAL, it signs that
 * user in and asks enrolled users for their code, and the front's MFA_SETUP
 * step (front/mfa-setup-step.ts) holds the tokens back until the user enrols.
 */
export function localMfaConfiguration(pool: Pick<UserPoolSpec, 'mfaConfiguration'>): string {
  return pool.mfaConfiguration === 'ON' ? 'OPTIONAL' : pool.mfaConfiguration;
}

export async function applyMfaConfiguration(
  client: CognitoIdentityProviderClient,
  poolId: string,
  pool: UserPoolSpec,
): Promise<void> {
  await client.send(
    new SetUserPoolMfaConfigCommand({
      UserPoolId: poolId,
      MfaConfiguration: localMfaConfiguration(pool) as UserPoolMfaType,
      SoftwareTokenMfaConfiguration: {
        Enabled: pool.enabledMfas.includes('SOFTWARE_TOKEN_MFA'),
      },
    }),
  );
}
