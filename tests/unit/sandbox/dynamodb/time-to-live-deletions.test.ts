import {
  tableOfStream,
  TimeToLiveDeletions,
} from '../../../../sandbox/dynamodb/time-to-live-deletions';

// Which REMOVE records the stream mappings take for the sandbox's TTL deletes.
const T0 = 1_800_000_000_000;

function deletionsAt(now: { ms: number }) {
  return new TimeToLiveDeletions(() => now.ms);
}

it('knows a delete it recorded by table, keys and the record time near it', () => {
  const now = { ms: T0 };
  const deletions = deletionsAt(now);

  deletions.record('AppTable', { PK: { S: 'a' }, SK: { S: 'b' } });

  const seconds = T0 / 1000;
  expect(deletions.deleted('AppTable', { SK: { S: 'b' }, PK: { S: 'a' } }, seconds + 1)).toBe(true);
  expect(deletions.deleted('AppTable', { PK: { S: 'a' }, SK: { S: 'c' } }, seconds)).toBe(false);
  expect(deletions.deleted('OtherTable', { PK: { S: 'a' }, SK: { S: 'b' } }, seconds)).toBe(false);
  // The same keys deleted again much later, by somebody else.
  expect(deletions.deleted('AppTable', { PK: { S: 'a' }, SK: { S: 'b' } }, seconds + 3600)).toBe(
    false,
  );
  expect(deletions.deleted('AppTable', { PK: { S: 'a' }, SK: { S: 'b' } }, undefined)).toBe(false);
});

it('matches binary and number keys as the SDK reads them and as a stream record spells them', () => {
  const deletions = deletionsAt({ ms: T0 });

  deletions.record('Blobs', { id: { B: Uint8Array.from([1, 2, 255]) }, n: { N: '7' } });

  expect(deletions.deleted('Blobs', { id: { B: 'AQL/' }, n: { N: '7' } }, T0 / 1000)).toBe(true);
  expect(deletions.deleted('Blobs', { id: { S: 'AQL/' }, n: { N: '7' } }, T0 / 1000)).toBe(false);
});

it('forgets a delete that did not happen, and what is older than a stream keeps', () => {
  const now = { ms: T0 };
  const deletions = deletionsAt(now);
  deletions.record('AppTable', { PK: { S: 'renewed' } });
  deletions.record('AppTable', { PK: { S: 'old' } });

  deletions.forget('AppTable', { PK: { S: 'renewed' } });
  now.ms = T0 + 25 * 60 * 60 * 1000;
  deletions.record('AppTable', { PK: { S: 'new' } });

  expect(deletions.deleted('AppTable', { PK: { S: 'renewed' } }, T0 / 1000)).toBe(false);
  expect(deletions.deleted('AppTable', { PK: { S: 'old' } }, T0 / 1000)).toBe(false);
  expect(deletions.deleted('AppTable', { PK: { S: 'new' } }, now.ms / 1000)).toBe(true);
});

it('reads the table name out of a stream ARN', () => {
  expect(
    tableOfStream(
      'arn:aws:dynamodb:ddblocal:000000000000:table/AppTable/stream/2026-12-02T00:00:00.000',
    ),
  ).toBe('AppTable');
  expect(tableOfStream('arn:aws:sqs:us-east-1:000000000000:queue')).toBeUndefined();
});
