import type { CloudFormationCustomResourceCreateEvent } from 'aws-lambda';
import { runCustomResources } from '../../../../sandbox/custom-resources/run-custom-resources';
import type { FunctionHost } from '../../../../sandbox/runtime/function-host';
import { LOCAL_PSEUDO_PARAMETERS } from '../../../../sandbox/template/pseudo-parameters';
import type { ResolveContext } from '../../../../sandbox/template/resolve';

const functionArn = 'arn:aws:lambda:us-east-1:123456789012:function:provider';

/** A provider that replies SUCCESS with `Value: value-<LogicalResourceId>`, recording what it was sent. */
function providerHost(received: CloudFormationCustomResourceCreateEvent[]): FunctionHost {
  return {
    functionArn,
    async invoke(event: CloudFormationCustomResourceCreateEvent) {
      received.push(event);
      await fetch(event.ResponseURL, {
        method: 'PUT',
        body: JSON.stringify({
          Status: 'SUCCESS',
          PhysicalResourceId: `physical-${event.LogicalResourceId}`,
          StackId: event.StackId,
          RequestId: event.RequestId,
          LogicalResourceId: event.LogicalResourceId,
          Data: { Value: `value-${event.LogicalResourceId}` },
        }),
      });
      return { status: 'succeeded', result: null };
    },
  } as unknown as FunctionHost;
}

const customResource = (logicalId: string, properties: Record<string, unknown>) => ({
  logicalId,
  type: 'Custom::Thing',
  metadata: {},
  properties: { ServiceToken: functionArn, ...properties },
});

describe('custom resources at sandbox start', () => {
  it('creates a resource after one it refers to, even when that one is declared later', async () => {
    const received: CloudFormationCustomResourceCreateEvent[] = [];
    const ctx: ResolveContext = { parameters: {}, resources: {}, pseudo: LOCAL_PSEUDO_PARAMETERS };

    const created = await runCustomResources({
      model: {
        resources: [
          customResource('First', { Other: { 'Fn::GetAtt': ['Second', 'Value'] } }),
          customResource('Second', {}),
        ],
      },
      ctx,
      hosts: new Map([['Provider', providerHost(received)]]),
      log: () => undefined,
    });

    expect(received.map((event) => event.LogicalResourceId)).toEqual(['Second', 'First']);
    expect(received[1]?.ResourceProperties.Other).toBe('value-Second');
    expect(created.First?.ref).toBe('physical-First');
  });

  it('refuses resources that refer to each other in a cycle', async () => {
    const ctx: ResolveContext = { parameters: {}, resources: {}, pseudo: LOCAL_PSEUDO_PARAMETERS };

    const run = runCustomResources({
      model: {
        resources: [
          customResource('A', { Other: { Ref: 'B' } }),
          customResource('B', { Other: { Ref: 'A' } }),
        ],
      },
      ctx,
      hosts: new Map([['Provider', providerHost([])]]),
      log: () => undefined,
    });

    await expect(run).rejects.toThrow(/cycle/);
  });

  it("creates one function's resources one after another, and other functions' meanwhile", async () => {
    const ctx: ResolveContext = { parameters: {}, resources: {}, pseudo: LOCAL_PSEUDO_PARAMETERS };
    const otherArn = 'arn:aws:lambda:us-east-1:123456789012:function:other';
    const running = new Map<string, number>();
    const mostAtOnce = new Map<string, number>();
    const counted = (arn: string): FunctionHost => {
      const replying = providerHost([]);
      return {
        functionArn: arn,
        async invoke(event: CloudFormationCustomResourceCreateEvent) {
          running.set(arn, (running.get(arn) ?? 0) + 1);
          mostAtOnce.set(arn, Math.max(mostAtOnce.get(arn) ?? 0, running.get(arn) ?? 0));
          mostAtOnce.set(
            'all',
            Math.max(
              mostAtOnce.get('all') ?? 0,
              [...running.values()].reduce((a, b) => a + b),
            ),
          );
          await new Promise((resolve) => setTimeout(resolve, 20));
          running.set(arn, (running.get(arn) ?? 1) - 1);
          return replying.invoke(event);
        },
      } as unknown as FunctionHost;
    };

    const created = await runCustomResources({
      model: {
        resources: [
          customResource('A', {}),
          customResource('B', {}),
          { ...customResource('C', {}), properties: { ServiceToken: otherArn } },
        ],
      },
      ctx,
      hosts: new Map([
        ['Provider', counted(functionArn)],
        ['Other', counted(otherArn)],
      ]),
      log: () => undefined,
    });

    expect(Object.keys(created).sort()).toEqual(['A', 'B', 'C']);
    expect(mostAtOnce.get(functionArn)).toBe(1);
    expect(mostAtOnce.get('all')).toBe(2);
  });

  it('sends no event for a resource kept from the last start, and remembers those it created', async () => {
    const received: CloudFormationCustomResourceCreateEvent[] = [];
    const ctx: ResolveContext = { parameters: {}, resources: {}, pseudo: LOCAL_PSEUDO_PARAMETERS };
    const remembered: string[] = [];
    const keptPhysical = { ref: 'kept-Kept', attributes: { Value: 'kept value' } };

    const created = await runCustomResources({
      model: {
        resources: [
          customResource('Kept', {}),
          customResource('Uses', { Other: { 'Fn::GetAtt': ['Kept', 'Value'] } }),
        ],
      },
      ctx,
      hosts: new Map([['Provider', providerHost(received)]]),
      kept: {
        find: (logicalId) => (logicalId === 'Kept' ? keptPhysical : undefined),
        remember: (logicalId) => void remembered.push(logicalId),
      },
      log: () => undefined,
    });

    expect(received.map((event) => event.LogicalResourceId)).toEqual(['Uses']);
    expect(received[0]?.ResourceProperties.Other).toBe('kept value');
    expect(created.Kept).toEqual(keptPhysical);
    expect(remembered).toEqual(['Uses']);
  });
});
