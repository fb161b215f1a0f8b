import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { StateMachineDefinition } from 'aws-local-stepfunctions';
import { LocalStateMachine } from '../../../../sandbox/step-functions/executions';
import { validatedDefinitions } from '../../../../sandbox/step-functions/validated-definitions';

let dir = '';
let recordFile = '';
let lockfile = '';
// A Task with Retry and Catch: the interpreter fills in defaults on such states.
const definition = (): StateMachineDefinition => ({
  StartAt: 'Work',
  States: {
    Work: {
      Type: 'Task',
      Resource: 'arn:aws:lambda:us-east-1:000000000000:function:Work',
      Retry: [{ ErrorEquals: ['States.ALL'], MaxAttempts: 2 }],
      Catch: [{ ErrorEquals: ['States.ALL'], Next: 'Failed' }],
      End: true,
    },
    Failed: { Type: 'Fail' },
  },
});

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'executions-validation-'));
  recordFile = join(dir, 'definitions.json');
  lockfile = join(dir, 'package-lock.json');
  writeFileSync(lockfile, '{"lockfileVersion":3}');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function machine(given: StateMachineDefinition): LocalStateMachine {
  return new LocalStateMachine({
    name: 'Machine',
    arn: 'arn:aws:states:us-east-1:000000000000:stateMachine:Machine',
    definition: given,
    taskHandlers: {},
    validated: validatedDefinitions(recordFile, lockfile),
    log: () => undefined,
  });
}

describe('a state machine validated at one start', () => {
  it('is known as validated to the next start with the same definition', () => {
    machine(definition());

    expect(validatedDefinitions(recordFile, lockfile).has(definition())).toBe(true);
  });

  it('leaves the definition it was given as the template gave it', () => {
    const given = definition();
    machine(given);

    expect(given).toEqual(definition());
  });
});
