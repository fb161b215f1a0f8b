// Faults a test sets on a Task state of the local Step Functions: its next
// `times` invocations for one user (the state's input `userId`) fail with
// `error` before the function runs, as Lambda's own throttling or a service
// outage would. Retries and Fail states are exercised this way, with no
// fault in the functions' code, and tests erasing other users are untouched.

export interface TaskFault {
  state: string;
  userId: string;
  error: string;
  cause: string;
  /** How many more invocations fail; Infinity for all of them. */
  times: number;
  /** How many invocations it failed so far. */
  raised: number;
}

export class TaskFaults {
  private readonly faults = new Map<string, TaskFault>();

  set(fault: Omit<TaskFault, 'raised'>): void {
    this.faults.set(keyOf(fault.state, fault.userId), { ...fault, raised: 0 });
  }

  list(): TaskFault[] {
    return [...this.faults.values()];
  }

  clear(): void {
    this.faults.clear();
  }

  /** Throws the fault set on this state for the input's user, if one is left. */
  raiseIfSet(state: string, input: unknown): void {
    const userId = (input as { userId?: unknown } | null)?.userId;
    const fault = this.faults.get(keyOf(state, String(userId)));
    if (!fault || fault.times <= 0) return;
    fault.times -= 1;
    fault.raised += 1;
    throw namedError(fault.error, fault.cause);
  }
}

const keyOf = (state: string, userId: string) => `${state} ${userId}`;

/** An error whose name is what Retry and Catch match (`ErrorEquals`), its message the Cause. */
export function namedError(name: string, cause: string): Error {
  const error = new Error(cause);
  error.name = name;
  return error;
}
