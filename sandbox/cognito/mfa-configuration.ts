// The pool's MFA as the template sets it (MfaConfiguration, EnabledMfas), on
// the local Cognito through SetUserPoolMfaConfig, as CloudFormation applies it.
import { SetUserPoolMfaConfigCommand } from '@aws-sdk/client-cognito-identity-provider';
import type {
  CognitoIdentityProviderClient,
  UserPoolMfaType,
} from '@aws-sdk/client-cognito-identity-provider';
import type { UserPoolSpec } from '../template/model';

/**
 * With MFA required, Cognito makes a user without a factor enrol at sign-in
 * (the MFA_SETUP challenge, AssociateSoftwareToken with a session); the local
 * Cognito offers no such challenge, so it would refuse every such user.
 */
export function assertMfaEmulated(pool: UserPoolSpec): void {
  if (pool.mfaConfiguration === 'ON') {
    throw new Error(
      `${pool.logicalId}: MfaConfiguration ON is not emulated locally (the local Cognito has no MFA_SETUP challenge for users without a factor); run the sandbox with MfaMode=OPTIONAL`,
    );
  }
}

export async function applyMfaConfiguration(
  client: CognitoIdentityProviderClient,
  poolId: string,
  pool: UserPoolSpec,
): Promise<void> {
  assertMfaEmulated(pool);
  await client.send(
    new SetUserPoolMfaConfigCommand({
      UserPoolId: poolId,
      MfaConfiguration: pool.mfaConfiguration as UserPoolMfaType,
      SoftwareTokenMfaConfiguration: {
        Enabled: pool.enabledMfas.includes('SOFTWARE_TOKEN_MFA'),
      },
    }),
  );
}
