// A person who first signs up with a federated provider (Google, Apple, …)
// under the email of an account they already have becomes that account, not
// a second one: Cognito's pre-sign-up trigger links the provider identity to
// the existing account before the federated user is made.
import type { PreSignUpTriggerEvent } from 'aws-lambda';

/** A native (email and password) account of the pool. */
export interface ExistingAccount {
  username: string;
}

/** The provider identity a sign-up came with: the pool's provider name and the person's id there. */
export interface ProviderIdentity {
  providerName: string;
  subject: string;
}

/** The user pool, as far as linking needs it. */
export interface AccountLinks {
  /** The pool's native account whose email is this one and verified, if any. */
  verifiedAccountWithEmail(userPoolId: string, email: string): Promise<ExistingAccount | undefined>;
  /** From now on the identity signs in as the account. */
  link(userPoolId: string, account: ExistingAccount, identity: ProviderIdentity): Promise<void>;
}

export type LinkOutcome = 'linked' | 'new-account' | 'not-federated';

/**
 * The provider identity in a federated sign-up's user name (`Google_1234`):
 * Cognito writes the provider's name in its own case, so it is matched to the
 * pool's configured names without regard to case.
 */
export function providerIdentityOf(
  userName: string,
  providerNames: readonly string[],
): ProviderIdentity | undefined {
  const separator = userName.indexOf('_');
  if (separator <= 0) return undefined;
  const prefix = userName.slice(0, separator).toLowerCase();
  const providerName = providerNames.find((name) => name.toLowerCase() === prefix);
  const subject = userName.slice(separator + 1);
  return providerName && subject ? { providerName, subject } : undefined;
}

export class AccountLinker {
  constructor(
    private readonly accounts: AccountLinks,
    private readonly providerNames: readonly string[],
  ) {}

  async handleSignUp(event: PreSignUpTriggerEvent): Promise<LinkOutcome> {
    if (event.triggerSource !== 'PreSignUp_ExternalProvider') return 'not-federated';
    const identity = providerIdentityOf(event.userName, this.providerNames);
    const email = event.request.userAttributes.email?.trim().toLowerCase();
    if (!identity || !email) return 'new-account';
    const account = await this.accounts.verifiedAccountWithEmail(event.userPoolId, email);
    if (!account) return 'new-account';
    await this.accounts.link(event.userPoolId, account, identity);
    return 'linked';
  }
}
