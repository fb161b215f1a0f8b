// The Step Functions API calls the functions and the tests make, on the
// local state machines: StartExecution, DescribeExecution, ListExecutions.
import {
  ApiError,
  type Execution,
  type ExecutionStatus,
  type LocalStateMachine,
} from './executions';

type Request = Record<string, unknown>;

const EXECUTION_NAME = /^[A-Za-z0-9_-]{1,80}$/;

/** Epoch seconds, as the JSON protocol carries timestamps. */
const seconds = (date: Date | undefined) => (date ? date.getTime() / 1000 : undefined);

function summaryOf(execution: Execution) {
  return {
    executionArn: execution.executionArn,
    stateMachineArn: execution.stateMachineArn,
    name: execution.name,
    status: execution.status,
    startDate: seconds(execution.startDate),
    stopDate: seconds(execution.stopDate),
  };
}

function text(request: Request, field: string): string {
  const value = request[field];
  if (typeof value !== 'string' || value === '') {
    throw new ApiError('ValidationException', `${field} is required`);
  }
  return value;
}

export function handleStatesAction(
  machines: readonly LocalStateMachine[],
  action: string,
  request: Request,
): unknown {
  const machineOf = (arn: string) => {
    const machine = machines.find((candidate) => candidate.arn === arn);
    if (!machine)
      throw new ApiError('StateMachineDoesNotExist', `State Machine Does Not Exist: '${arn}'`);
    return machine;
  };
  switch (action) {
    case 'StartExecution': {
      const name = typeof request.name === 'string' ? request.name : crypto.randomUUID();
      if (!EXECUTION_NAME.test(name)) throw new ApiError('InvalidName', `Invalid Name: '${name}'`);
      const input = typeof request.input === 'string' ? request.input : '{}';
      const execution = machineOf(text(request, 'stateMachineArn')).start(name, input);
      return { executionArn: execution.executionArn, startDate: seconds(execution.startDate) };
    }
    case 'DescribeExecution': {
      const arn = text(request, 'executionArn');
      const execution = machines.map((machine) => machine.describe(arn)).find(Boolean);
      if (!execution)
        throw new ApiError('ExecutionDoesNotExist', `Execution Does Not Exist: '${arn}'`);
      return {
        ...summaryOf(execution),
        input: execution.input,
        output: execution.output,
        error: execution.error,
        cause: execution.cause,
      };
    }
    case 'ListExecutions': {
      const status = request.statusFilter as ExecutionStatus | undefined;
      const machine = machineOf(text(request, 'stateMachineArn'));
      return { executions: machine.list(status).map(summaryOf) };
    }
    default:
      throw new ApiError('UnknownOperationException', `The local Step Functions has no ${action}`);
  }
}
