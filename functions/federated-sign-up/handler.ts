import type { PreSignUpTriggerEvent } from 'aws-lambda';
import { instrumentHandler, logger } from '@mobile-backend/domain/http';
import { createAccountLinker } from '@mobile-backend/domain/apps/federated-sign-up';

const linker = createAccountLinker();

/**
 * The user pool's pre-sign-up trigger: a federated sign-up with the verified
 * email of an existing account is linked to it. Cognito continues the sign-up
 * with the event as returned; throwing would refuse it.
 */
export const handler = instrumentHandler(async (event: PreSignUpTriggerEvent) => {
  const outcome = await linker.handleSignUp(event);
  logger.info('Pre sign-up', { triggerSource: event.triggerSource, outcome });
  return event;
});
