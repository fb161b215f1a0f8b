// The front's steps, in the order a request meets them.
import { applySignUpRules } from './sign-up-rules-step';
import type { FrontStep } from './steps';
import { preventUserExistenceErrors } from './user-existence-step';

export const FRONT_STEPS: readonly FrontStep[] = [applySignUpRules, preventUserExistenceErrors];
