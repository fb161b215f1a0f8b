import {
  AdminGetUserCommand,
  CognitoIdentityProviderClient,
} from '@aws-sdk/client-cognito-identity-provider';
import { tracer } from '../../observability';
import type { PhoneVerification } from './phone-verification';

/** Cognito's own record of the user: `phone_number` counts once `phone_number_verified` is `true`. */
export class CognitoPhoneVerification implements PhoneVerification {
  constructor(
    private readonly cognito: CognitoIdentityProviderClient,
    private readonly userPoolId: string,
  ) {}

  /** The endpoint comes from AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER when set. */
  static create(userPoolId: string): CognitoPhoneVerification {
    return new CognitoPhoneVerification(
      tracer.captureAWSv3Client(new CognitoIdentityProviderClient({})),
      userPoolId,
    );
  }

  async verifiedPhoneNumberOf(userId: string): Promise<string | undefined> {
    try {
      // With email as the sign-in attribute the Cognito username is the sub, which Cognito also accepts.
      const { UserAttributes = [] } = await this.cognito.send(
        new AdminGetUserCommand({ UserPoolId: this.userPoolId, Username: userId }),
      );
      const value = (name: string) => UserAttributes.find((a) => a.Name === name)?.Value;
      return value('phone_number_verified') === 'true' ? value('phone_number') : undefined;
    } catch (error) {
      // A user erased meanwhile has no number to text.
      if (error instanceof Error && error.name === 'UserNotFoundException') return undefined;
      throw error;
    }
  }
}
