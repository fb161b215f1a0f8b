// A Cognito request's way through the front: each step may answer it itself
// (what cognito-local lacks or gets wrong) or pass it on with `next`, and the
// last `next` is cognito-local. Steps see the request parsed, and answer in
// Cognito's JSON protocol, so a step can also call other operations (through
// the whole front with `call`, or straight to cognito-local with `backend`).
import type { PoolDirectory } from '../pool-directory';
import type { StoredPasswords } from '../stored-passwords';

/** A request of the Cognito JSON protocol: the X-Amz-Target suffix and the parsed body. */
export interface CognitoRequest {
  operation: string;
  body: Record<string, unknown>;
}

/** An answer in the Cognito JSON protocol; an error has `__type` and `message` in its body. */
export interface CognitoAnswer {
  status: number;
  body: Record<string, unknown>;
}

export interface FrontContext {
  pools: PoolDirectory;
  /** The request to cognito-local as it is, past every step. */
  backend(operation: string, body: Record<string, unknown>): Promise<CognitoAnswer>;
  /** A new request through every step, as a client's would go. */
  call(operation: string, body: Record<string, unknown>): Promise<CognitoAnswer>;
  /** cognito-local's users' passwords, read-only (SRP needs them to check a claim). */
  passwords: StoredPasswords;
  log(line: string): void;
}

export type FrontStep = (
  request: CognitoRequest,
  context: FrontContext,
  next: () => Promise<CognitoAnswer>,
) => Promise<CognitoAnswer>;

/** Cognito's error answer, e.g. `cognitoError(400, 'NotAuthorizedException', 'Incorrect username or password.')`. */
export function cognitoError(status: number, type: string, message: string): CognitoAnswer {
  return { status, body: { __type: type, message } };
}

export function errorTypeOf(answer: CognitoAnswer): string | undefined {
  const type = answer.body.__type;
  return typeof type === 'string' ? type : undefined;
}

/** Runs `steps` in order around `last`. */
export function runSteps(
  steps: readonly FrontStep[],
  request: CognitoRequest,
  context: FrontContext,
  last: () => Promise<CognitoAnswer>,
): Promise<CognitoAnswer> {
  const at = (index: number): Promise<CognitoAnswer> => {
    const step = steps[index];
    return step ? step(request, context, () => at(index + 1)) : last();
  };
  return at(0);
}
