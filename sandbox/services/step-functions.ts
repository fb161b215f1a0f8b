// Step Functions (AWS_ENDPOINT_URL_SFN): the template's state machines, run by
// aws-local-stepfunctions, their Task states invoking the local functions.
// A definition the interpreter cannot run stops the start here.
import { join } from 'node:path';
import { resolveValue } from '../template/resolve';
import { localArn } from '../template/pseudo-parameters';
import type { StateMachineSpec } from '../template/model';
import { substitute } from '../step-functions/definition';
import { LocalStateMachine } from '../step-functions/executions';
import { startLocalStepFunctions } from '../step-functions/server';
import { TaskFaults } from '../step-functions/task-faults';
import { taskHandlers } from '../step-functions/task-handlers';
import {
  validatedDefinitions,
  type ValidatedDefinitions,
} from '../step-functions/validated-definitions';
import type { SandboxContext, StartedService } from './contract';

export async function start(context: SandboxContext): Promise<StartedService> {
  const faults = new TaskFaults();
  const validated = validatedDefinitions(
    join(context.directories.build, '.records', 'state-machine-definitions.json'),
  );
  const machines = context.model.stateMachines.map((spec) =>
    localMachine(context, spec, faults, validated),
  );
  const local = await startLocalStepFunctions({
    port: context.portOf('step-functions'),
    machines,
    faults,
  });
  return {
    endpoint: local.endpoint,
    environment: { AWS_ENDPOINT_URL_SFN: local.endpoint },
    outputs: { StepFunctionsEndpoint: local.endpoint, StepFunctionsFaultsUrl: local.faultsUrl },
    resources: Object.fromEntries(
      context.model.stateMachines.map(({ logicalId }) => {
        const arn = stateMachineArn(context, logicalId);
        return [logicalId, { ref: arn, attributes: { Arn: arn, Name: logicalId } }];
      }),
    ),
    stop: () => local.stop(),
  };
}

function stateMachineArn(context: SandboxContext, logicalId: string): string {
  return localArn(context.pseudo, 'states', `stateMachine:${logicalId}`);
}

function localMachine(
  context: SandboxContext,
  spec: StateMachineSpec,
  faults: TaskFaults,
  validated: ValidatedDefinitions,
): LocalStateMachine {
  const where = spec.logicalId;
  if (spec.type !== 'STANDARD') {
    throw new Error(`${where}: the local Step Functions runs STANDARD state machines only`);
  }
  const substitutions = Object.fromEntries(
    Object.entries(spec.substitutions).map(([name, value]) => [
      name,
      String(resolveValue(value, context.resolve, `${where}.DefinitionSubstitutions.${name}`)),
    ]),
  );
  const definition = substitute(spec.definition, substitutions, where);
  if ((definition as { QueryLanguage?: string }).QueryLanguage === 'JSONata') {
    throw new Error(`${where} uses JSONata, which the local Step Functions cannot run`);
  }
  const delay = context.settings.stateRetryDelayMs;
  return new LocalStateMachine({
    name: spec.logicalId,
    arn: stateMachineArn(context, spec.logicalId),
    definition,
    taskHandlers: taskHandlers({
      stateMachine: where,
      definition,
      functionIds: new Set(context.model.functions.map((fn) => fn.logicalId)),
      functions: context.functions,
      faults,
    }),
    ...(delay !== undefined && { retryDelayMs: delay }),
    validated,
    log: context.log,
  });
}
