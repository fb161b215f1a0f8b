import type { FunctionRegistry } from '../../../../sandbox/runtime/function-registry';
import type { InvokeResult } from '../../../../sandbox/runtime/invoke-result';
import { substitute } from '../../../../sandbox/step-functions/definition';
import { TaskFaults } from '../../../../sandbox/step-functions/task-faults';
import { taskHandlers } from '../../../../sandbox/step-functions/task-handlers';

const STEPS_ARN = 'arn:aws:lambda:us-east-1:000000000000:function:Steps';

function registryAnswering(result: InvokeResult, seen: unknown[] = []): FunctionRegistry {
  return {
    hostOf: () => ({
      invoke: async (event: unknown) => {
        seen.push(event);
        return result;
      },
    }),
  } as unknown as FunctionRegistry;
}

const succeeded = (payload: unknown): InvokeResult => ({
  status: 'succeeded',
  requestId: 'r',
  durationMs: 1,
  payload: JSON.stringify(payload),
});

function handlersFor(
  states: Record<string, unknown>,
  functions = registryAnswering(succeeded({})),
) {
  return taskHandlers({
    stateMachine: 'Erasure',
    definition: { States: states },
    functionIds: new Set(['Steps']),
    functions,
    faults: new TaskFaults(),
  });
}

describe("the local Step Functions' Task states", () => {
  it('invoke the template function named by the ARN, nested in Parallel and Map states too', async () => {
    const seen: unknown[] = [];
    const handlers = handlersFor(
      {
        Stores: {
          Type: 'Parallel',
          Branches: [
            {
              StartAt: 'Pages',
              States: {
                Pages: {
                  Type: 'Map',
                  ItemProcessor: {
                    StartAt: 'Page',
                    States: { Page: { Type: 'Task', Resource: STEPS_ARN, End: true } },
                  },
                  End: true,
                },
              },
            },
          ],
          End: true,
        },
      },
      registryAnswering(succeeded({ more: false }), seen),
    );

    const output = await handlers.Page?.({ userId: 'u1' });

    expect(Object.keys(handlers)).toEqual(['Page']);
    expect(output).toEqual({ more: false });
    expect(seen).toEqual([{ userId: 'u1' }]);
  });

  it('invoke the function named by its alias ARN, as a template with AutoPublishAlias names it', async () => {
    const seen: unknown[] = [];
    const handlers = handlersFor(
      { Step: { Type: 'Task', Resource: `${STEPS_ARN}:live`, End: true } },
      registryAnswering(succeeded({ erased: 3 }), seen),
    );

    expect(await handlers.Step?.({ userId: 'u1' })).toEqual({ erased: 3 });
    expect(seen).toEqual([{ userId: 'u1' }]);
  });

  it("fail with the function's error type as the error and its error document as the cause", async () => {
    const errorDocument = {
      errorType: 'ThrottlingException',
      errorMessage: 'slow down',
      trace: [],
    };
    const handlers = handlersFor(
      { Step: { Type: 'Task', Resource: STEPS_ARN, End: true } },
      registryAnswering({
        status: 'failed',
        requestId: 'r',
        durationMs: 1,
        payload: JSON.stringify(errorDocument),
        error: errorDocument,
      }),
    );

    await expect(handlers.Step?.({})).rejects.toMatchObject({
      name: 'ThrottlingException',
      message: JSON.stringify(errorDocument),
    });
  });

  it('refuse at start a Resource that is not a function of the template', () => {
    const build = () =>
      handlersFor({
        DeleteUser: {
          Type: 'Task',
          Resource: 'arn:aws:states:::aws-sdk:cognitoidentityprovider:adminDeleteUser',
          End: true,
        },
      });

    expect(build).toThrow(/Erasure state DeleteUser.*aws-sdk:cognitoidentityprovider/);
  });

  it('refuse at start a distributed Map, which the interpreter cannot run', () => {
    const build = () =>
      handlersFor({
        Everything: {
          Type: 'Map',
          ItemReader: { Resource: 'arn:aws:states:::s3:listObjectsV2' },
          ItemProcessor: {
            ProcessorConfig: { Mode: 'DISTRIBUTED' },
            StartAt: 'Done',
            States: { Done: { Type: 'Succeed' } },
          },
          End: true,
        },
      });

    expect(build).toThrow(/Everything uses ItemReader, a DISTRIBUTED Map/);
  });
});

describe('definition substitutions', () => {
  it('replace every placeholder, and refuse one the template does not substitute', () => {
    const definition = { States: { A: { Resource: '${Fn}' }, B: { Resource: '${Other}' } } };

    expect(() => substitute(definition, { Fn: STEPS_ARN }, 'Erasure')).toThrow(
      'Erasure has no DefinitionSubstitution for Other',
    );
    expect(substitute(definition, { Fn: STEPS_ARN, Other: 'x' }, 'Erasure')).toEqual({
      States: { A: { Resource: STEPS_ARN }, B: { Resource: 'x' } },
    });
  });
});
