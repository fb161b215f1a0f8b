import { jest } from '@jest/globals';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { Context } from 'aws-lambda';
import { createTracer, instrumentHandler, logger } from '@mobile-backend/domain/http';
import { lambdaContext } from '../functions/api-gateway-event';

const context: Context = lambdaContext('AuthorizerFunction');

afterEach(() => jest.restoreAllMocks());

describe('an instrumented handler that throws', () => {
  it('logs a failure as an ERROR with the error, and rethrows it', async () => {
    const error = jest.spyOn(logger, 'error').mockImplementation(() => undefined);
    const handler = instrumentHandler(async () => {
      throw new Error('database gone');
    });

    await expect(handler({}, context)).rejects.toThrow('database gone');
    expect(error).toHaveBeenCalledWith('Invocation failed', expect.any(Error));
  });

  it('logs an answer such as Unauthorized as one INFO line without a stack, and rethrows it', async () => {
    const error = jest.spyOn(logger, 'error').mockImplementation(() => undefined);
    const info = jest.spyOn(logger, 'info').mockImplementation(() => undefined);
    const handler = instrumentHandler(
      async () => {
        throw new Error('Unauthorized');
      },
      { isAnswer: (thrown) => thrown instanceof Error && thrown.message === 'Unauthorized' },
    );

    await expect(handler({}, context)).rejects.toThrow('Unauthorized');
    expect(error).not.toHaveBeenCalled();
    expect(info.mock.calls).toEqual([['Refused', { reason: 'Unauthorized' }]]);
  });
});

describe('the tracer', () => {
  it("is Powertools' Tracer unless tracing is turned off", async () => {
    const { Tracer } = await import('@aws-lambda-powertools/tracer');

    const tracer = await createTracer({ POWERTOOLS_TRACE_ENABLED: 'true' });

    expect(tracer).toBeInstanceOf(Tracer);
  });

  it('is a stand-in that leaves clients as they are when POWERTOOLS_TRACE_ENABLED is false', async () => {
    const { Tracer } = await import('@aws-lambda-powertools/tracer');
    const client = new DynamoDBClient({ region: 'us-east-1' });
    const middlewareBefore = client.middlewareStack.identify();

    const tracer = await createTracer({ POWERTOOLS_TRACE_ENABLED: 'FALSE' });

    expect(tracer).not.toBeInstanceOf(Tracer);
    expect(tracer.captureAWSv3Client(client)).toBe(client);
    expect(client.middlewareStack.identify()).toEqual(middlewareBefore);
    expect(tracer.getSegment()).toBeUndefined();
  });
});
