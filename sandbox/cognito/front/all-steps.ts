// The front's steps, in the order a request meets them.
import { verifyEmailOnConfirmation } from './confirmation-verifies-email-step';
import { showFederatedStatus } from './federated-status-step';
import { answerProviderLinks } from './provider-links-step';
import { applySignUpRules } from './sign-up-rules-step';
import type { FrontStep } from './steps';

export const FRONT_STEPS: readonly FrontStep[] = [
  applySignUpRules,
  answerProviderLinks,
  verifyEmailOnConfirmation,
  showFederatedStatus,
];
