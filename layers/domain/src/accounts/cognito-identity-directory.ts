import {
  AdminDeleteUserCommand,
  CognitoIdentityProviderClient,
  UserNotFoundException,
} from '@aws-sdk/client-cognito-identity-provider';
import { tracer } from '../observability';
import type { IdentityDirectory } from './identity-directory';

export class CognitoIdentityDirectory implements IdentityDirectory {
  constructor(
    private readonly cognito: CognitoIdentityProviderClient,
    private readonly userPoolId: string,
  ) {}

  /** The endpoint comes from AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER when set. */
  static create(userPoolId: string): CognitoIdentityDirectory {
    return new CognitoIdentityDirectory(
      tracer.captureAWSv3Client(new CognitoIdentityProviderClient({})),
      userPoolId,
    );
  }

  async deleteUser(userId: string): Promise<void> {
    try {
      // With email as the sign-in attribute the Cognito username is the sub, which Cognito also accepts.
      await this.cognito.send(
        new AdminDeleteUserCommand({ UserPoolId: this.userPoolId, Username: userId }),
      );
    } catch (error) {
      if (
        error instanceof UserNotFoundException ||
        (error instanceof Error && error.name === 'UserNotFoundException')
      ) {
        return;
      }
      throw error;
    }
  }
}
