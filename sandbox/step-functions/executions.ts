// The executions of one local state machine, run by aws-local-stepfunctions:
// StartExecution's name rules (a running execution with the same name and
// input is the same execution, any other reuse of a name is
// ExecutionAlreadyExists), and what DescribeExecution and ListExecutions show.
// Executions live as long as the sandbox process.
import {
  ExecutionError,
  StateMachine,
  type RunOptions,
  type StateMachineDefinition,
} from 'aws-local-stepfunctions';
import { allStates } from './definition';
import type { ValidatedDefinitions } from './validated-definitions';

/** Local Task handlers by state name, as aws-local-stepfunctions takes them. */
export type TaskHandlers = NonNullable<
  NonNullable<RunOptions['overrides']>['taskResourceLocalHandlers']
>;
export type JsonValue = Parameters<TaskHandlers[string]>[0];

export type ExecutionStatus = 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'ABORTED' | 'TIMED_OUT';

export interface Execution {
  executionArn: string;
  stateMachineArn: string;
  name: string;
  input: string;
  status: ExecutionStatus;
  startDate: Date;
  stopDate?: Date;
  output?: string;
  error?: string;
  cause?: string;
}

export class ApiError extends Error {
  constructor(
    readonly type: string,
    message: string,
  ) {
    super(message);
  }
}

export interface LocalStateMachineOptions {
  name: string;
  arn: string;
  definition: StateMachineDefinition;
  taskHandlers: TaskHandlers;
  /** Wait before every retry instead of the Retry's intervals; undefined keeps them. */
  retryDelayMs?: number;
  /** Definitions validated by earlier starts: not validated again. */
  validated?: ValidatedDefinitions;
  log(line: string): void;
}

export class LocalStateMachine {
  private readonly machine: StateMachine;
  private readonly executions = new Map<string, Execution>();
  private readonly aborts = new Set<() => void>();

  constructor(private readonly options: LocalStateMachineOptions) {
    // Validates the definition (asl-validator): an invalid one stops the start.
    const known = options.validated?.has(options.definition) ?? false;
    // A copy: the interpreter fills in defaults on the object it gets, and the
    // definition as the template gave it is what the next start looks up.
    this.machine = new StateMachine(
      structuredClone(options.definition),
      known ? { validationOptions: { noValidate: true } } : undefined,
    );
    if (!known) options.validated?.add(options.definition);
  }

  get arn(): string {
    return this.options.arn;
  }

  start(name: string, input: string): Execution {
    const existing = this.executions.get(name);
    if (existing) {
      if (existing.status === 'RUNNING' && existing.input === input) return existing;
      throw new ApiError(
        'ExecutionAlreadyExists',
        `Execution Already Exists: '${existing.executionArn}'`,
      );
    }
    const execution: Execution = {
      executionArn: `${this.options.arn.replace(':stateMachine:', ':execution:')}:${name}`,
      stateMachineArn: this.options.arn,
      name,
      input,
      status: 'RUNNING',
      startDate: new Date(),
    };
    this.executions.set(name, execution);
    void this.run(execution);
    return execution;
  }

  describe(executionArn: string): Execution | undefined {
    return [...this.executions.values()].find((e) => e.executionArn === executionArn);
  }

  list(status?: ExecutionStatus): Execution[] {
    return [...this.executions.values()]
      .filter((execution) => status === undefined || execution.status === status)
      .reverse();
  }

  abortAll(): void {
    for (const abort of this.aborts) abort();
  }

  private async run(execution: Execution): Promise<void> {
    const { result, abort } = this.machine.run(JSON.parse(execution.input), {
      overrides: {
        taskResourceLocalHandlers: this.options.taskHandlers,
        ...(this.options.retryDelayMs !== undefined && {
          retryIntervalOverrides: this.retryOverrides(this.options.retryDelayMs),
        }),
      },
      context: { Execution: { Id: execution.executionArn, Name: execution.name } },
      noThrowOnAbort: true,
    });
    this.aborts.add(abort);
    try {
      const output = await result;
      Object.assign(
        execution,
        output === null
          ? { status: 'ABORTED' }
          : {
              status: 'SUCCEEDED',
              output: JSON.stringify(output),
            },
      );
    } catch (error) {
      Object.assign(execution, { status: 'FAILED', ...failureOf(error) });
      this.options.log(
        `[states] ${this.options.name} ${execution.name} FAILED: ${execution.error} ${execution.cause}`,
      );
    } finally {
      execution.stopDate = new Date();
      this.aborts.delete(abort);
    }
  }

  private retryOverrides(delayMs: number): Record<string, number> {
    return Object.fromEntries(
      allStates(this.options.definition)
        .filter(({ state }) => 'Retry' in state)
        .map(({ name }) => [name, delayMs]),
    );
  }
}

/** The Fail state's Error and Cause, or the uncaught error's name and message. */
function failureOf(error: unknown): { error: string; cause: string } {
  const failure = error instanceof ExecutionError ? error.cause : error;
  if (failure instanceof Error) return { error: failure.name, cause: failure.message };
  return { error: 'States.Runtime', cause: String(failure) };
}
