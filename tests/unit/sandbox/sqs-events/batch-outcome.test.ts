import { recordsToDelete } from '../../../../sandbox/sqs-events/batch-outcome';

const ids = ['a', 'b', 'c'];
const succeeded = (response: unknown) => ({
  status: 'succeeded' as const,
  payload: JSON.stringify(response),
});

describe('which records an SQS event source deletes', () => {
  it('deletes every record when the function reports no failures', () => {
    expect(recordsToDelete(ids, succeeded({ batchItemFailures: [] }), true)).toEqual(ids);
  });

  it('deletes every record when the function returns nothing', () => {
    expect(recordsToDelete(ids, succeeded(null), true)).toEqual(ids);
  });

  it('deletes none when the invocation fails', () => {
    expect(recordsToDelete(ids, { status: 'failed' }, true)).toEqual([]);
  });

  it('deletes all but the reported failures', () => {
    const outcome = succeeded({ batchItemFailures: [{ itemIdentifier: 'b' }] });

    expect(recordsToDelete(ids, outcome, true)).toEqual(['a', 'c']);
  });

  it('fails the whole batch when a failure names a record that is not in it', () => {
    const outcome = succeeded({ batchItemFailures: [{ itemIdentifier: 'zzz' }] });

    expect(recordsToDelete(ids, outcome, true)).toEqual([]);
  });

  it('fails the whole batch when a failure has an empty identifier', () => {
    const outcome = succeeded({ batchItemFailures: [{ itemIdentifier: '' }] });

    expect(recordsToDelete(ids, outcome, true)).toEqual([]);
  });

  it('ignores batchItemFailures when the event source does not report them', () => {
    const outcome = succeeded({ batchItemFailures: [{ itemIdentifier: 'b' }] });

    expect(recordsToDelete(ids, outcome, false)).toEqual(ids);
  });
});
