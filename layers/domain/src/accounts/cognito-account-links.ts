import {
  AdminLinkProviderForUserCommand,
  CognitoIdentityProviderClient,
  ListUsersCommand,
  type UserType,
} from '@aws-sdk/client-cognito-identity-provider';
import { tracer } from '../observability';
import type { AccountLinks, ExistingAccount, ProviderIdentity } from './account-links';

const valueOf = (user: UserType, name: string) =>
  user.Attributes?.find((attribute) => attribute.Name === name)?.Value;

/** Account linking on a Cognito user pool: ListUsers by email, AdminLinkProviderForUser. */
export class CognitoAccountLinks implements AccountLinks {
  constructor(private readonly cognito: CognitoIdentityProviderClient) {}

  /** The endpoint comes from AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER when set. */
  static create(): CognitoAccountLinks {
    return new CognitoAccountLinks(
      tracer.captureAWSv3Client(new CognitoIdentityProviderClient({})),
    );
  }

  async verifiedAccountWithEmail(
    userPoolId: string,
    email: string,
  ): Promise<ExistingAccount | undefined> {
    const { Users: users = [] } = await this.cognito.send(
      new ListUsersCommand({
        UserPoolId: userPoolId,
        Filter: `email = "${email.replace(/["\\]/g, '\\$&')}"`,
        Limit: 10,
      }),
    );
    // Federated users have this status; only a native account is linked to.
    const account = users.find(
      (user) =>
        user.UserStatus !== 'EXTERNAL_PROVIDER' &&
        valueOf(user, 'email_verified') === 'true' &&
        valueOf(user, 'email')?.toLowerCase() === email,
    );
    return account?.Username ? { username: account.Username } : undefined;
  }

  async link(
    userPoolId: string,
    account: ExistingAccount,
    identity: ProviderIdentity,
  ): Promise<void> {
    await this.cognito.send(
      new AdminLinkProviderForUserCommand({
        UserPoolId: userPoolId,
        DestinationUser: { ProviderName: 'Cognito', ProviderAttributeValue: account.username },
        SourceUser: {
          ProviderName: identity.providerName,
          ProviderAttributeName: 'Cognito_Subject',
          ProviderAttributeValue: identity.subject,
        },
      }),
    );
  }
}
