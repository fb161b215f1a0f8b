// The front's steps, in the order a request meets them.
import { verifyEmailOnConfirmation } from './confirmation-verifies-email-step';
import { showFederatedStatus } from './federated-status-step';
import { requireMfaSetup } from './mfa-setup-step';
import { answerProviderLinks } from './provider-links-step';
import { resendConfirmationCode } from './resend-confirmation-code-step';
import { applySignUpRules } from './sign-up-rules-step';
import { answerSrpSignIn } from './srp-sign-in-step';
import type { FrontStep } from './steps';
import { preventUserExistenceErrors } from './user-existence-step';

export const FRONT_STEPS: readonly FrontStep[] = [
  applySignUpRules,
  preventUserExistenceErrors,
  answerSrpSignIn,
  requireMfaSetup,
  resendConfirmationCode,
  answerProviderLinks,
  verifyEmailOnConfirmation,
  showFederatedStatus,
];
