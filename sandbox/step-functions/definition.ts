// A state machine's definition with its `${Name}` placeholders substituted,
// and its Task states, nested ones (Parallel branches, Map processors) included.
import type { StateMachineDefinition } from 'aws-local-stepfunctions';

type States = Record<string, Record<string, unknown>>;

/** Every `${Name}` replaced; a placeholder without a substitution fails, as CloudFormation does. */
export function substitute(
  definition: unknown,
  substitutions: Record<string, string>,
  where: string,
): StateMachineDefinition {
  const text = JSON.stringify(definition).replace(/\$\{([^}]+)\}/g, (_whole, name: string) => {
    const value = substitutions[name];
    if (value === undefined) throw new Error(`${where} has no DefinitionSubstitution for ${name}`);
    return JSON.stringify(value).slice(1, -1);
  });
  return JSON.parse(text) as StateMachineDefinition;
}

export interface StateEntry {
  name: string;
  state: Record<string, unknown>;
}

/** Every state of the definition, depth first, with the machines nested in Parallel and Map states. */
export function allStates(definition: { States?: unknown }): StateEntry[] {
  const states = (definition.States ?? {}) as States;
  return Object.entries(states).flatMap(([name, state]) => [
    { name, state },
    ...nestedMachines(state).flatMap(allStates),
  ]);
}

function nestedMachines(state: Record<string, unknown>): { States?: unknown }[] {
  if (state.Type === 'Parallel') return (state.Branches ?? []) as { States?: unknown }[];
  if (state.Type === 'Map') {
    const processor = state.ItemProcessor ?? state.Iterator;
    return processor ? [processor as { States?: unknown }] : [];
  }
  return [];
}
