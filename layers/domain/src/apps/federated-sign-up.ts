import * as z from 'zod';
import { AccountLinker } from '../accounts/account-links';
import { CognitoAccountLinks } from '../accounts/cognito-account-links';
import { readEnvironment, type Environment } from '../config';

const FederatedSignUpEnvironment = z.object({
  /** The pool's identity provider names, comma-separated; empty entries are providers not configured. */
  IDENTITY_PROVIDER_NAMES: z.string(),
});

export function identityProviderNames(env: Environment = process.env): string[] {
  return readEnvironment(FederatedSignUpEnvironment, env)
    .IDENTITY_PROVIDER_NAMES.split(',')
    .map((name) => name.trim())
    .filter((name) => name !== '');
}

/** FederatedSignUpFunction's linker, wired to the user pool. Call once at module scope. */
export function createAccountLinker(env: Environment = process.env): AccountLinker {
  return new AccountLinker(CognitoAccountLinks.create(), identityProviderNames(env));
}
