import type { FunctionRegistry } from '../../../../sandbox/runtime/function-registry';
import { rotationThroughFunctions } from '../../../../sandbox/secrets/rotation-schedules';

const FUNCTION_ARN = 'arn:aws:lambda:us-east-1:000000000000:function:CursorKeyRotationFunction';

function hostsRecording(seen: unknown[]): Pick<FunctionRegistry, 'hosted'> {
  const host = {
    functionArn: FUNCTION_ARN,
    invoke: async (event: unknown) => {
      seen.push(event);
      return { status: 'succeeded', requestId: 'r', durationMs: 1, payload: 'null' };
    },
  };
  return { hosted: new Map([['CursorKeyRotationFunction', host]]) } as unknown as Pick<
    FunctionRegistry,
    'hosted'
  >;
}

describe('local rotation through the hosted functions', () => {
  it.each([FUNCTION_ARN, `${FUNCTION_ARN}:live`, `${FUNCTION_ARN}:7`])(
    'invokes the function the schedule names as %s',
    async (arn) => {
      const seen: unknown[] = [];
      const rotation = rotationThroughFunctions(new Map(), hostsRecording(seen));

      await rotation.invokeRotation(arn, { Step: 'createSecret' } as never);

      expect(seen).toEqual([{ Step: 'createSecret' }]);
    },
  );

  it('refuses a function that is not hosted', async () => {
    const rotation = rotationThroughFunctions(new Map(), hostsRecording([]));
    const other = 'arn:aws:lambda:us-east-1:000000000000:function:Other:live';

    await expect(rotation.invokeRotation(other, {} as never)).rejects.toThrow('is not hosted');
  });
});
