import { jest } from '@jest/globals';
import type { Context } from 'aws-lambda';
import { instrumentHandler, logger } from '@mobile-backend/domain/http';
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
