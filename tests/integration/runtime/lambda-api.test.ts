import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { buildAll, functionDir } from '../../../sandbox/runtime/build';
import {
  createFunctionHost,
  type FunctionHost,
  type InvokeResult,
} from '../../../sandbox/runtime/function-host';
import {
  startLambdaApi,
  type LambdaApi,
  type LambdaInvokeTarget,
} from '../../../sandbox/lambda-api/server';
import type { InvocationRecord } from '../../../sandbox/lambda-api/invocation-record';
import { greetingLayer, probeFunction, temporaryDir } from './fixtures';

let outDir: string;
let host: FunctionHost;
let api: LambdaApi;
let invocations: { event: unknown; requestId?: string; result: InvokeResult }[];
let apiLog: string[];
let destinations: { role: 'OnSuccess' | 'OnFailure'; record: InvocationRecord }[];

function withDestinations(
  target: LambdaInvokeTarget,
  settings: Partial<LambdaInvokeTarget> = {},
): LambdaInvokeTarget {
  return {
    ...target,
    functionArn: 'arn:aws:lambda:us-east-1:123456789012:function:Destined',
    onSuccess: async (record) => void destinations.push({ role: 'OnSuccess', record }),
    onFailure: async (record) => void destinations.push({ role: 'OnFailure', record }),
    ...settings,
  };
}

function recording(target: FunctionHost, maximumRetryAttempts?: number): LambdaInvokeTarget {
  return {
    maximumRetryAttempts,
    async invoke(event, options) {
      const result = await target.invoke(event, options);
      invocations.push({ event, requestId: options?.requestId, result });
      return result;
    },
  };
}

function invoke(
  name: string,
  payload: unknown,
  invocationType = 'RequestResponse',
): Promise<Response> {
  return fetch(`${api.url}/2015-03-31/functions/${encodeURIComponent(name)}/invocations`, {
    method: 'POST',
    headers: { 'X-Amz-Invocation-Type': invocationType },
    body: JSON.stringify(payload),
  });
}

beforeAll(async () => {
  outDir = await temporaryDir('lambda-api');
  const fn = probeFunction();
  await buildAll({ functions: [fn], layers: [greetingLayer()] }, outDir);
  host = createFunctionHost({
    fn,
    codeDir: functionDir(outDir, fn.logicalId),
    environment: {},
    logFile: join(outDir, 'functions.log'),
  });
}, 30_000);

beforeEach(async () => {
  invocations = [];
  apiLog = [];
  destinations = [];
  api = await startLambdaApi({
    port: 0,
    functions: {
      ProbeFunction: recording(host),
      NoRetryFunction: recording(host, 0),
      DestinedFunction: withDestinations(recording(host)),
      // Too young to outlive a 10 ms retry delay.
      ShortLivedFunction: withDestinations(recording(host), { maximumEventAgeSeconds: 0.005 }),
    },
    retryDelaysMs: [10, 10],
    log: (message) => apiLog.push(message),
  });
});

afterEach(async () => {
  await api.close();
});

afterAll(async () => {
  await host.close();
  await rm(outDir, { recursive: true, force: true });
});

describe('Lambda invoke endpoint', () => {
  it('answers a RequestResponse invocation with the function payload', async () => {
    const response = await invoke('ProbeFunction', { variables: ['AWS_LAMBDA_FUNCTION_NAME'] });

    expect(response.status).toBe(200);
    expect(response.headers.get('x-amz-function-error')).toBeNull();
    expect(await response.json()).toMatchObject({
      variables: { AWS_LAMBDA_FUNCTION_NAME: 'ProbeFunction' },
    });
  });

  it('marks a failed RequestResponse invocation as an unhandled function error', async () => {
    const response = await invoke('ProbeFunction', { action: 'throw', message: 'broken' });

    expect(response.status).toBe(200);
    expect(response.headers.get('x-amz-function-error')).toBe('Unhandled');
    expect(await response.json()).toMatchObject({ errorType: 'TypeError', errorMessage: 'broken' });
  });

  it('accepts an Event invocation with 202 and runs the function', async () => {
    const response = await invoke('ProbeFunction', { marker: 'async' }, 'Event');
    await api.drained();

    expect(response.status).toBe(202);
    expect(invocations).toEqual([
      expect.objectContaining({
        event: { marker: 'async' },
        result: expect.objectContaining({ status: 'succeeded' }),
      }),
    ]);
  });

  it('retries a failed Event invocation twice with the same request id', async () => {
    await invoke('ProbeFunction', { action: 'throw' }, 'Event');
    await api.drained();

    expect(invocations).toHaveLength(3);
    expect(new Set(invocations.map((each) => each.requestId)).size).toBe(1);
    expect(apiLog.at(-1)).toMatch(/dropped \(RetriesExhausted\): no OnFailure destination/);
  });

  it('sends the OnFailure record, with the event and the last error, after the last retry', async () => {
    const response = await invoke(
      'DestinedFunction',
      { action: 'throw', message: 'broken' },
      'Event',
    );
    await api.drained();

    expect(invocations).toHaveLength(3);
    expect(destinations).toEqual([
      {
        role: 'OnFailure',
        record: {
          version: '1.0',
          timestamp: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
          requestContext: {
            requestId: response.headers.get('x-amzn-requestid'),
            functionArn: 'arn:aws:lambda:us-east-1:123456789012:function:Destined:$LATEST',
            condition: 'RetriesExhausted',
            approximateInvokeCount: 3,
          },
          requestPayload: { action: 'throw', message: 'broken' },
          responseContext: {
            statusCode: 200,
            executedVersion: '$LATEST',
            functionError: 'Unhandled',
          },
          responsePayload: expect.objectContaining({
            errorType: 'TypeError',
            errorMessage: 'broken',
          }),
        },
      },
    ]);
  });

  it('sends the OnSuccess record with the result', async () => {
    await invoke('DestinedFunction', { variables: ['AWS_LAMBDA_FUNCTION_NAME'] }, 'Event');
    await api.drained();

    expect(destinations).toEqual([
      {
        role: 'OnSuccess',
        record: expect.objectContaining({
          requestContext: expect.objectContaining({
            condition: 'Success',
            approximateInvokeCount: 1,
          }),
          requestPayload: { variables: ['AWS_LAMBDA_FUNCTION_NAME'] },
          responseContext: { statusCode: 200, executedVersion: '$LATEST' },
          responsePayload: expect.objectContaining({
            variables: { AWS_LAMBDA_FUNCTION_NAME: 'ProbeFunction' },
          }),
        }),
      },
    ]);
  });

  it('gives up with EventAgeExceeded when the next retry would come too late', async () => {
    await invoke('ShortLivedFunction', { action: 'throw' }, 'Event');
    await api.drained();

    expect(invocations).toHaveLength(1);
    expect(destinations.map(({ role, record }) => [role, record.requestContext])).toEqual([
      [
        'OnFailure',
        expect.objectContaining({ condition: 'EventAgeExceeded', approximateInvokeCount: 1 }),
      ],
    ]);
  });

  it("follows the function's MaximumRetryAttempts", async () => {
    await invoke('NoRetryFunction', { action: 'throw' }, 'Event');
    await api.drained();

    expect(invocations).toHaveLength(1);
  });

  it('finds a function by its ARN', async () => {
    const response = await invoke(
      'arn:aws:lambda:us-east-1:123456789012:function:ProbeFunction',
      {},
    );

    expect(response.status).toBe(200);
  });

  it('answers an unknown function with ResourceNotFoundException', async () => {
    const response = await invoke('NoSuchFunction', {});

    expect(response.status).toBe(404);
    expect(response.headers.get('x-amzn-errortype')).toBe('ResourceNotFoundException');
    expect(await response.json()).toEqual({
      Type: 'User',
      message: 'Function not found: arn:aws:lambda:us-east-1:123456789012:function:NoSuchFunction',
    });
  });

  it('rejects a payload that is not JSON', async () => {
    const response = await fetch(`${api.url}/2015-03-31/functions/ProbeFunction/invocations`, {
      method: 'POST',
      body: '{not json',
    });

    expect(response.status).toBe(400);
    expect(response.headers.get('x-amzn-errortype')).toBe('InvalidRequestContentException');
  });

  it('names the port when it is already in use', async () => {
    const port = Number(new URL(api.url).port);

    await expect(startLambdaApi({ port, functions: {} })).rejects.toThrow(
      `Lambda invoke endpoint cannot listen: port ${port} on 127.0.0.1 is already in use`,
    );
  });
});
