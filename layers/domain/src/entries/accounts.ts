// Account deletion: the request (DataApiFunction) and the erasure steps
// (AccountDeletionFunction, called by AccountErasureStateMachine).
// The functions' wiring is in apps/data-api.ts and apps/account-deletion.ts.

export { accountDeletionConfig } from '../config';
export type { AccountDeletionConfig } from '../config';
export { AccountDeletion } from '../accounts/account-deletion';
export type { AccountDeletionRequests } from '../accounts/account-deletion-requests';
export {
  AccountErasureRequestSchema,
  parseAccountErasureRequest,
} from '../accounts/account-erasure-request';
export type { AccountErasureRequest } from '../accounts/account-erasure-request';
export {
  AccountErasure,
  CONVERSATIONS_PER_PAGE,
  ERASURE_PAGE_SIZE,
  ErasureNotRequestedError,
} from '../accounts/account-erasure';
export type { ErasureParts, ErasureResult } from '../accounts/account-erasure';
export {
  erasureExecutionName,
  StepFunctionsAccountDeletionRequests,
} from '../accounts/sfn-account-deletion-requests';
export type { IdentityDirectory } from '../accounts/identity-directory';
export { CognitoIdentityDirectory } from '../accounts/cognito-identity-directory';
export { ActiveAccounts } from '../accounts/active-accounts';
export { RecentlyActiveAccounts } from '../accounts/recently-active-accounts';
export type { RecentlyActiveAccountsOptions } from '../accounts/recently-active-accounts';

// Account linking: FederatedSignUpFunction, wired in apps/federated-sign-up.ts.
export { AccountLinker, providerIdentityOf } from '../accounts/account-links';
export type {
  AccountLinks,
  ExistingAccount,
  LinkOutcome,
  ProviderIdentity,
} from '../accounts/account-links';
export { CognitoAccountLinks } from '../accounts/cognito-account-links';
