// The front's steps, in the order a request meets them.
import { applySignUpRules } from './sign-up-rules-step';
import { answerSrpSignIn } from './srp-sign-in-step';
import type { FrontStep } from './steps';

export const FRONT_STEPS: readonly FrontStep[] = [applySignUpRules, answerSrpSignIn];
