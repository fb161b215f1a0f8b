// Account deletion: the request (DataApiFunction) and the eraser (AccountDeletionFunction).
// The functions' wiring is in apps/data-api.ts and apps/account-deletion.ts.

export { accountDeletionConfig } from '../config';
export type { AccountDeletionConfig } from '../config';
export { AccountDeletion } from '../accounts/account-deletion';
export type { AccountDeletionRequests } from '../accounts/account-deletion-requests';
export {
  AccountDeletionRequestSchema,
  parseAccountDeletionRequest,
} from '../accounts/account-deletion-request';
export type { AccountDeletionRequest } from '../accounts/account-deletion-request';
export { accountErasureSteps, AccountEraser } from '../accounts/account-eraser';
export type { ErasureOutcome, ErasureStep } from '../accounts/account-eraser';
export type { IdentityDirectory } from '../accounts/identity-directory';
export { CognitoIdentityDirectory } from '../accounts/cognito-identity-directory';
export { ActiveAccounts } from '../accounts/active-accounts';

// Account linking: FederatedSignUpFunction, wired in apps/federated-sign-up.ts.
export { AccountLinker, providerIdentityOf } from '../accounts/account-links';
export type {
  AccountLinks,
  ExistingAccount,
  LinkOutcome,
  ProviderIdentity,
} from '../accounts/account-links';
export { CognitoAccountLinks } from '../accounts/cognito-account-links';
