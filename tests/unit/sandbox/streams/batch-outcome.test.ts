import { batchOutcomeOf } from '../../../../sandbox/streams/batch-outcome';
import type { InvokeResult } from '../../../../sandbox/runtime/function-host';

const sequence = ['100', '200', '300'];
const returned = (payload: unknown): InvokeResult => ({
  status: 'succeeded',
  requestId: 'r',
  durationMs: 1,
  payload: payload === undefined ? '' : JSON.stringify(payload),
});

describe('batch outcomes with ReportBatchItemFailures', () => {
  it.each([[undefined], [null], [{}], [{ batchItemFailures: [] }], [{ batchItemFailures: null }]])(
    'treats %j as success',
    (payload) => {
      expect(batchOutcomeOf(returned(payload), sequence, true)).toEqual({ kind: 'success' });
    },
  );

  it('retries from the lowest failed sequence number', () => {
    const payload = { batchItemFailures: [{ itemIdentifier: '300' }, { itemIdentifier: '200' }] };

    expect(batchOutcomeOf(returned(payload), sequence, true)).toEqual({
      kind: 'partial',
      retryFrom: 1,
    });
  });

  it.each([
    [{ batchItemFailures: [{ itemIdentifier: '' }] }],
    [{ batchItemFailures: [{ itemIdentifier: null }] }],
    [{ batchItemFailures: [{ itemId: '200' }] }],
    [{ batchItemFailures: [{ itemIdentifier: '999' }] }],
    [{ batchItemFailures: 'all' }],
  ])('fails the whole batch for %j', (payload) => {
    expect(batchOutcomeOf(returned(payload), sequence, true).kind).toBe('failure');
  });

  it('fails the whole batch on a function error, marked Unhandled', () => {
    const failed: InvokeResult = {
      status: 'failed',
      requestId: 'r',
      durationMs: 1,
      payload: '{}',
      error: { errorType: 'Error', errorMessage: 'boom', trace: [] },
    };

    expect(batchOutcomeOf(failed, sequence, true)).toMatchObject({
      kind: 'failure',
      functionError: 'Unhandled',
    });
  });

  it('ignores batchItemFailures when the mapping does not report them', () => {
    const payload = { batchItemFailures: [{ itemIdentifier: '200' }] };

    expect(batchOutcomeOf(returned(payload), sequence, false)).toEqual({ kind: 'success' });
  });
});
