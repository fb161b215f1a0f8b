import { jest } from '@jest/globals';
import { createPoolDirectory } from '../../../../sandbox/cognito/pool-directory';
import {
  cognitoError,
  runSteps,
  type CognitoAnswer,
  type FrontContext,
  type FrontStep,
} from '../../../../sandbox/cognito/front/steps';
import { unusedPasswords } from './front/unused-passwords';

const context: FrontContext = {
  pools: createPoolDirectory(),
  backend: () => Promise.reject(new Error('not in this test')),
  call: () => Promise.reject(new Error('not in this test')),
  passwords: unusedPasswords,
  log: () => undefined,
};
const backendAnswer: CognitoAnswer = { status: 200, body: { from: 'backend' } };

describe("a request's way through the Cognito front's steps", () => {
  it('meets the steps in order and reaches the backend when every step passes it on', async () => {
    const seen: string[] = [];
    const passing =
      (name: string): FrontStep =>
      (_request, _context, next) => {
        seen.push(name);
        return next();
      };
    const answer = await runSteps(
      [passing('first'), passing('second')],
      { operation: 'SignUp', body: {} },
      context,
      () => Promise.resolve(backendAnswer),
    );
    expect(seen).toEqual(['first', 'second']);
    expect(answer).toBe(backendAnswer);
  });

  it('stops at a step that answers, so neither later steps nor the backend see the request', async () => {
    const later = jest.fn<FrontStep>();
    const backend = jest.fn(() => Promise.resolve(backendAnswer));
    const refusing: FrontStep = () =>
      Promise.resolve(cognitoError(400, 'InvalidParameterException', 'no'));
    const answer = await runSteps(
      [refusing, later],
      { operation: 'SignUp', body: {} },
      context,
      backend,
    );
    expect(answer.body).toEqual({ __type: 'InvalidParameterException', message: 'no' });
    expect(later).not.toHaveBeenCalled();
    expect(backend).not.toHaveBeenCalled();
  });

  it('lets a step change what the backend answered', async () => {
    const rewriting: FrontStep = async (_request, _context, next) => {
      const answer = await next();
      return { ...answer, body: { ...answer.body, rewritten: true } };
    };
    const answer = await runSteps(
      [rewriting],
      { operation: 'InitiateAuth', body: {} },
      context,
      () => Promise.resolve(backendAnswer),
    );
    expect(answer.body).toEqual({ from: 'backend', rewritten: true });
  });
});
