// The pool's pre-sign-up trigger, run before a federated identity's first
// sign-in makes a user, with the event Cognito sends for it
// (`PreSignUp_ExternalProvider`). The trigger may link the identity to an
// existing user (AdminLinkProviderForUser); an error refuses the sign-in,
// as Cognito's hosted UI does.
import type { PreSignUpExternalProviderTriggerEvent } from 'aws-lambda';
import type { BeforeFirstSignIn, FederatedSignIn } from './federated-users';

/** The trigger failed: Cognito redirects to the app with this description. */
export class PreSignUpFailedError extends Error {
  constructor(functionMessage: string) {
    super(`PreSignUp failed with error ${functionMessage}.`);
  }
}

export interface PreSignUpCall {
  region: string;
  userPoolId: string;
  clientId: string;
}

/** The function's error message when it failed, nothing when it returned. */
export type InvokeTrigger = (
  event: PreSignUpExternalProviderTriggerEvent,
) => Promise<{ failed: false } | { failed: true; errorMessage: string }>;

/** Cognito names a federated sign-up `<ProviderName>_<subject>`, e.g. `Google_1234`. */
export function preSignUpEvent(
  signIn: FederatedSignIn,
  call: PreSignUpCall,
): PreSignUpExternalProviderTriggerEvent {
  return {
    version: '1',
    region: call.region,
    userPoolId: call.userPoolId,
    userName: `${signIn.providerName}_${signIn.subject}`,
    callerContext: { awsSdkVersion: 'aws-sdk-unknown-unknown', clientId: call.clientId },
    triggerSource: 'PreSignUp_ExternalProvider',
    request: {
      // The provider's attributes through the pool's attribute mapping.
      userAttributes: {
        email: signIn.email,
        email_verified: 'true',
        ...(signIn.name !== undefined && { name: signIn.name }),
      },
      validationData: {},
    },
    response: { autoConfirmUser: false, autoVerifyEmail: false, autoVerifyPhone: false },
  };
}

export function runPreSignUp(invoke: InvokeTrigger, call: PreSignUpCall): BeforeFirstSignIn {
  return async (signIn) => {
    const outcome = await invoke(preSignUpEvent(signIn, call));
    if (outcome.failed) throw new PreSignUpFailedError(outcome.errorMessage);
  };
}
