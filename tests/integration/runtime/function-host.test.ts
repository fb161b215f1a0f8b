import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { buildAll, functionDir } from '../../../sandbox/runtime/build';
import {
  createFunctionHost,
  type FunctionHost,
  type FunctionHostOptions,
} from '../../../sandbox/runtime/function-host';
import { greetingLayer, probeFunction, temporaryDir } from './fixtures';

interface ProbeReport {
  codeVersion: string;
  environmentId: string;
  invocations: number;
  greeting: string;
  variables: Record<string, string | null>;
  context: {
    awsRequestId: string;
    functionName: string;
    functionVersion: string;
    invokedFunctionArn: string;
    memoryLimitInMB: string;
    logGroupName: string;
    logStreamName: string;
    remainingTimeMs: number;
  };
}

let outDir: string;
const hosts: FunctionHost[] = [];

function probeHost(overrides: Partial<FunctionHostOptions> = {}): FunctionHost {
  const fn = probeFunction();
  const host = createFunctionHost({
    fn,
    codeDir: functionDir(outDir, fn.logicalId),
    environment: {},
    logFile: join(outDir, 'functions.log'),
    ...overrides,
  });
  hosts.push(host);
  return host;
}

async function report(host: FunctionHost, event: object = {}): Promise<ProbeReport> {
  const result = await host.invoke(event);
  if (result.status !== 'succeeded') throw new Error(`Invocation failed: ${result.payload}`);
  return JSON.parse(result.payload) as ProbeReport;
}

beforeAll(async () => {
  outDir = await temporaryDir('function-host');
  await buildAll({ functions: [probeFunction()], layers: [greetingLayer()] }, outDir);
}, 30_000);

afterEach(async () => {
  await Promise.all(hosts.splice(0).map((host) => host.close()));
});

afterAll(async () => {
  await rm(outDir, { recursive: true, force: true });
});

describe('function host', () => {
  it('runs the built handler against the built layer', async () => {
    const host = probeHost();

    const result = await report(host);

    expect(result.greeting).toBe('hello probe from layer v1');
  });

  it('gives each function its own environment variables', async () => {
    const red = probeHost({ functionName: 'Red', environment: { COLOR: 'red' } });
    const blue = probeHost({ functionName: 'Blue', environment: { COLOR: 'blue' } });

    const [fromRed, fromBlue] = await Promise.all([
      report(red, { variables: ['COLOR', 'AWS_LAMBDA_FUNCTION_NAME'] }),
      report(blue, { variables: ['COLOR', 'AWS_LAMBDA_FUNCTION_NAME'] }),
    ]);

    expect(fromRed.variables).toEqual({ COLOR: 'red', AWS_LAMBDA_FUNCTION_NAME: 'Red' });
    expect(fromBlue.variables).toEqual({ COLOR: 'blue', AWS_LAMBDA_FUNCTION_NAME: 'Blue' });
  });

  it("sets Lambda's reserved variables over the template's", async () => {
    const host = probeHost({
      environment: { AWS_REGION: 'template-region', APP_TABLE_NAME: 'AppTable' },
      region: 'eu-west-1',
    });

    const result = await report(host, {
      variables: [
        'AWS_REGION',
        'APP_TABLE_NAME',
        'AWS_LAMBDA_FUNCTION_VERSION',
        'AWS_LAMBDA_FUNCTION_MEMORY_SIZE',
        'AWS_EXECUTION_ENV',
        'TZ',
      ],
    });

    expect(result.variables).toEqual({
      AWS_REGION: 'eu-west-1',
      APP_TABLE_NAME: 'AppTable',
      AWS_LAMBDA_FUNCTION_VERSION: '$LATEST',
      AWS_LAMBDA_FUNCTION_MEMORY_SIZE: '256',
      AWS_EXECUTION_ENV: 'AWS_Lambda_nodejs24.x',
      TZ: ':UTC',
    });
  });

  it('passes a Lambda context with the request id and the remaining time', async () => {
    const host = probeHost({
      functionName: 'Probe',
      region: 'eu-west-1',
      accountId: '111122223333',
    });

    const result = await host.invoke({}, { requestId: 'request-1' });
    const { context } = JSON.parse(result.payload) as ProbeReport;

    expect(context).toEqual({
      awsRequestId: 'request-1',
      functionName: 'Probe',
      functionVersion: '$LATEST',
      invokedFunctionArn: 'arn:aws:lambda:eu-west-1:111122223333:function:Probe',
      memoryLimitInMB: '256',
      logGroupName: '/aws/lambda/Probe',
      logStreamName: expect.stringMatching(/^\d{4}\/\d{2}\/\d{2}\/\[\$LATEST\][0-9a-f]{32}$/),
      remainingTimeMs: expect.any(Number),
    });
    expect(context.remainingTimeMs).toBeGreaterThan(9_000);
    expect(context.remainingTimeMs).toBeLessThanOrEqual(10_000);
  });

  it('keeps module state between invocations of a warm environment', async () => {
    const host = probeHost();

    const first = await report(host);
    const second = await report(host);

    expect(second.environmentId).toBe(first.environmentId);
    expect(second.invocations).toBe(first.invocations + 1);
  });

  it('tells a cold start from a warm invocation, and a retired host starts cold again', async () => {
    const host = probeHost();

    const first = await host.invoke({});
    const second = await host.invoke({});
    host.retire();
    const afterRetire = await host.invoke({});

    expect([first.coldStart, second.coldStart, afterRetire.coldStart]).toEqual([true, false, true]);
  });

  it('runs concurrent invocations in separate environments', async () => {
    const host = probeHost();

    const reports = await Promise.all(
      [1, 2, 3].map(() => report(host, { action: 'sleep', sleepMs: 300 })),
    );

    expect(new Set(reports.map((each) => each.environmentId)).size).toBe(3);
  });

  it('queues invocations beyond the environment limit', async () => {
    const host = probeHost({ maxEnvironments: 1 });

    const reports = await Promise.all(
      [1, 2].map(() => report(host, { action: 'sleep', sleepMs: 100 })),
    );

    expect(reports.map((each) => each.environmentId)).toEqual([
      reports[0]?.environmentId,
      reports[0]?.environmentId,
    ]);
    expect(reports.map((each) => each.invocations).sort()).toEqual([1, 2]);
  });

  it('times out a slow handler and replaces its environment', async () => {
    const host = probeHost({ fn: { ...probeFunction(), timeoutSeconds: 1 } });
    const before = await report(host);

    const timedOut = await host.invoke({ action: 'sleep', sleepMs: 5_000 });
    const after = await report(host);

    expect(timedOut).toMatchObject({
      status: 'failed',
      error: { errorType: 'Sandbox.Timedout', errorMessage: 'Task timed out after 1.00 seconds' },
    });
    expect(after.environmentId).not.toBe(before.environmentId);
    expect(after.invocations).toBe(1);
  });

  it('reports a thrown error as the Node.js runtime does: errorType, errorMessage and trace', async () => {
    const host = probeHost();

    const result = await host.invoke({ action: 'throw', message: 'no such thing' });

    expect(result.status).toBe('failed');
    expect(JSON.parse(result.payload)).toEqual({
      errorType: 'TypeError',
      errorMessage: 'no such thing',
      trace: expect.arrayContaining([
        'TypeError: no such thing',
        expect.stringMatching(/^ {4}at .*handler/),
      ]),
    });
  });

  it('keeps a warm environment after a handler error', async () => {
    const host = probeHost();
    const before = await report(host);

    await host.invoke({ action: 'throw' });
    const after = await report(host);

    expect(after.environmentId).toBe(before.environmentId);
  });

  it('reports a runtime exit and starts a new environment', async () => {
    const host = probeHost();
    const before = await report(host);

    const exited = await host.invoke({ action: 'exit' });
    const after = await report(host);

    expect(exited).toMatchObject({ status: 'failed', error: { errorType: 'Runtime.ExitError' } });
    expect(after.environmentId).not.toBe(before.environmentId);
  });

  it('starts a cold environment after the host is retired', async () => {
    const host = probeHost();
    const before = await report(host);

    host.retire();
    const after = await report(host);

    expect(after.environmentId).not.toBe(before.environmentId);
  });

  it('reports a missing handler module as an import error', async () => {
    const host = probeHost({ fn: { ...probeFunction(), handler: 'missing.handler' } });

    const result = await host.invoke({});

    expect(result).toMatchObject({
      status: 'failed',
      error: { errorType: 'Runtime.ImportModuleError' },
    });
  });
});
