import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import aslValidator from 'asl-validator';
import { parseTemplate } from '../../../sandbox/template/parse';
import { allStates } from '../../../sandbox/step-functions/definition';

// The erasure workflow as deployed: statemachines/account-erasure.asl.json
// with template.yaml's substitutions.
const root = resolve(import.meta.dirname ?? new URL('.', import.meta.url).pathname, '../../..');
const model = parseTemplate(join(root, 'template.yaml'));
const resource = model.resources.find((r) => r.logicalId === 'AccountErasureStateMachine');
const file = readFileSync(join(root, 'statemachines/account-erasure.asl.json'), 'utf8');
const FUNCTION_ARN = 'arn:aws:lambda:eu-west-1:123456789012:function:erasure-steps';

type State = Record<string, unknown>;
type Definition = { StartAt: string; States: Record<string, State> };

function definitionWith(arn: string): Definition {
  return JSON.parse(file.replaceAll('${AccountErasureFunctionArn}', arn)) as Definition;
}

const definition = definitionWith(FUNCTION_ARN);
const states = allStates(definition);
const stateNamed = (name: string) => states.find((entry) => entry.name === name)?.state ?? {};

describe('the account erasure state machine', () => {
  it('is a Standard state machine whose placeholders are all substituted by the template', () => {
    const placeholders = [...file.matchAll(/\$\{([^}]+)\}/g)].map((match) => match[1]);
    const substitutions = Object.keys(
      (resource?.properties.DefinitionSubstitutions ?? {}) as Record<string, unknown>,
    );

    expect(resource?.properties.Type).toBe('STANDARD');
    expect(resource?.properties.DefinitionUri).toBe('statemachines/account-erasure.asl.json');
    expect(new Set(placeholders)).toEqual(new Set(substitutions));
  });

  it('is valid Amazon States Language', () => {
    const { isValid, errors } = aslValidator(definition);

    expect(errors).toEqual([]);
    expect(isValid).toBe(true);
  });

  it('would be refused by the validator with a transition to a state that does not exist', () => {
    const broken = definitionWith(FUNCTION_ARN);
    (broken.States.DeleteIdentity as State).Next = 'EraseEverything';

    expect(aslValidator(broken).isValid).toBe(false);
  });

  it("retries every Task with backoff on Lambda's transient errors and on throttling", () => {
    const tasks = states.filter(({ state }) => state.Type === 'Task');
    const transient = [
      'Lambda.TooManyRequestsException',
      'Lambda.ServiceException',
      'ThrottlingException',
      'ProvisionedThroughputExceededException',
    ];

    expect(tasks.length).toBeGreaterThanOrEqual(9);
    for (const { name, state } of tasks) {
      const retriers = (state.Retry ?? []) as State[];
      const covered = retriers.filter((retrier) =>
        transient.every((error) => (retrier.ErrorEquals as string[]).includes(error)),
      );
      expect({ name, covered: covered.length }).toEqual({ name, covered: 1 });
      expect(covered[0]?.BackoffRate).toBeGreaterThan(1);
      expect(state.Resource).toBe(FUNCTION_ARN);
    }
  });

  it('stops at a Fail state that records the error and its cause, before the profile goes', () => {
    const topLevel = Object.entries(definition.States).filter(([, state]) =>
      ['Task', 'Parallel'].includes(String(state.Type)),
    );

    for (const [name, state] of topLevel) {
      expect({ name, catch: state.Catch }).toEqual({
        name,
        catch: [{ ErrorEquals: ['States.ALL'], ResultPath: '$.error', Next: 'ErasureFailed' }],
      });
    }
    expect(definition.States.ErasureFailed).toMatchObject({
      Type: 'Fail',
      ErrorPath: '$.error.Error',
      CausePath: '$.error.Cause',
    });
  });

  it('closes the connections, erases the stores side by side, then the Cognito user, then the profile', () => {
    const stores = stateNamed('EraseStores');

    expect(stateNamed('IsRequested')).toMatchObject({
      Choices: [expect.objectContaining({ Next: 'CloseConnections' })],
    });
    expect(stateNamed('CloseConnections').Next).toBe('EraseStores');
    expect(stores.Type).toBe('Parallel');
    expect((stores.Branches as Definition[]).map((branch) => branch.StartAt)).toEqual([
      'EraseItemsPage',
      'EraseMediaPage',
      'EraseDevices',
    ]);
    expect(stores.Next).toBe('DeleteIdentity');
    expect(stateNamed('DeleteIdentity').Next).toBe('EraseProfile');
    expect(stateNamed('EraseProfile').Next).toBe('Erased');
    expect(stateNamed('Erased').Type).toBe('Succeed');
  });

  it('loops each paged store until it is empty, and maps over pages of conversations', () => {
    for (const [choice, again] of [
      ['ItemsLeft', 'EraseItemsPage'],
      ['MediaLeft', 'EraseMediaPage'],
      ['ConversationsLeft', 'ListConversations'],
      ['ConversationLeft', 'EraseNextConversationPage'],
    ] as const) {
      expect(stateNamed(choice)).toMatchObject({
        Type: 'Choice',
        Choices: [expect.objectContaining({ BooleanEquals: true, Next: again })],
      });
    }
    expect(stateNamed('EraseConversations')).toMatchObject({
      Type: 'Map',
      ItemsPath: '$.conversations.peerIds',
    });
  });

  it('is logged, traced and watched by an alarm on failed executions', () => {
    const alarm = model.resources.find((r) => r.logicalId === 'AccountErasureFailedAlarm');

    expect(resource?.properties).toMatchObject({
      Tracing: { Enabled: true },
      Logging: { Level: 'ALL' },
    });
    expect(alarm?.properties).toMatchObject({
      Namespace: 'AWS/States',
      MetricName: 'ExecutionsFailed',
      Dimensions: [{ Name: 'StateMachineArn', Value: { Ref: 'AccountErasureStateMachine' } }],
    });
  });
});
