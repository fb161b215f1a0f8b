// How each Task state of a definition runs locally: a Task whose Resource is
// the ARN of one of the template's functions invokes it through the
// sandbox's function registry, with the function's error type as the error
// name (what Retry and Catch match) and its error document as the cause, as
// Step Functions gives them. Any other Resource, and any state feature the
// interpreter does not run, is refused when the sandbox starts.
import type { FunctionRegistry } from '../runtime/function-registry';
import { allStates } from './definition';
import type { JsonValue, TaskHandlers } from './executions';
import { namedError, type TaskFaults } from './task-faults';

// A qualifier (an alias such as `live`, or a version) runs the one local version.
const LAMBDA_ARN = /^arn:[^:]+:lambda:[^:]+:[^:]+:function:([^:]+)(?::[^:]+)?$/;

export interface TaskHandlerOptions {
  stateMachine: string;
  definition: { States?: unknown };
  /** Logical ids of the template's functions. */
  functionIds: ReadonlySet<string>;
  functions: FunctionRegistry;
  faults: TaskFaults;
}

/** By state name, as aws-local-stepfunctions takes local Task handlers. */
export function taskHandlers(options: TaskHandlerOptions): TaskHandlers {
  const handlers: TaskHandlers = {};
  for (const { name, state } of allStates(options.definition)) {
    refuseUnsupported(options.stateMachine, name, state);
    if (state.Type !== 'Task') continue;
    const functionId = LAMBDA_ARN.exec(String(state.Resource))?.[1];
    if (functionId === undefined || !options.functionIds.has(functionId)) {
      throw new Error(
        `${options.stateMachine} state ${name}: the local Step Functions runs Task states that ` +
          `invoke one of the template's functions by ARN, not ${String(state.Resource)}`,
      );
    }
    handlers[name] = invokeFunction(name, functionId, options);
  }
  return handlers;
}

function invokeFunction(state: string, functionId: string, options: TaskHandlerOptions) {
  return async (input: JsonValue): Promise<JsonValue> => {
    options.faults.raiseIfSet(state, input);
    const result = await options.functions.hostOf(functionId).invoke(input);
    if (result.status === 'failed') throw namedError(result.error.errorType, result.payload);
    return JSON.parse(result.payload) as JsonValue;
  };
}

/** What the interpreter would skip or misread must stop the start instead. */
function refuseUnsupported(stateMachine: string, name: string, state: Record<string, unknown>) {
  const unsupported = ['ItemReader', 'ResultWriter', 'ItemBatcher', 'ToleratedFailureCount']
    .filter((field) => field in state)
    .concat(state.QueryLanguage === 'JSONata' ? ['QueryLanguage JSONata'] : [])
    .concat(
      (state.ItemProcessor as { ProcessorConfig?: { Mode?: string } } | undefined)?.ProcessorConfig
        ?.Mode === 'DISTRIBUTED'
        ? ['a DISTRIBUTED Map']
        : [],
    )
    .concat('Credentials' in state ? ['Credentials'] : []);
  if (unsupported.length > 0) {
    throw new Error(
      `${stateMachine} state ${name} uses ${unsupported.join(', ')}, which the local Step Functions cannot run`,
    );
  }
}
