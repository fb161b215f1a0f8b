import { readFileSync } from 'node:fs';
import type { Context, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import type { IndexChange, SearchIndex } from '../../../../layers/domain/src/search/search-index';
import { StreamIndexer } from '../../../../layers/domain/src/search/dynamodb-stream-indexer';

const sample = JSON.parse(
  readFileSync('events/search-indexer/item-changes.json', 'utf8'),
) as DynamoDBStreamEvent;
const [insert, modify, remove] = sample.Records as [DynamoDBRecord, DynamoDBRecord, DynamoDBRecord];
const context = { functionName: 'SearchIndexerFunction' } as Context;

class RecordingIndex implements SearchIndex {
  calls: IndexChange[][] = [];
  failing = false;
  async apply(changes: readonly IndexChange[]): Promise<void> {
    this.calls.push([...changes]);
    if (this.failing) throw new Error('search endpoint down');
  }
  async search(): Promise<never> {
    throw new Error('not used');
  }
}

function withId(record: DynamoDBRecord, id: string, sequenceNumber: string): DynamoDBRecord {
  const image = { ...record.dynamodb?.NewImage, id: { S: id } };
  return {
    ...record,
    dynamodb: { ...record.dynamodb, NewImage: image, SequenceNumber: sequenceNumber },
  };
}

const broken = (sequenceNumber: string): DynamoDBRecord => ({
  ...insert,
  dynamodb: {
    ...insert.dynamodb,
    NewImage: { entity: { S: 'item' } },
    SequenceNumber: sequenceNumber,
  },
});

describe('StreamIndexer', () => {
  it('sends the changes of one batch to the index in one call', async () => {
    const index = new RecordingIndex();
    const records = [withId(insert, 'A', '1'), withId(insert, 'B', '2'), withId(insert, 'C', '3')];

    const response = await new StreamIndexer(index).process({ Records: records }, context);

    expect(response).toEqual({ batchItemFailures: [] });
    expect(index.calls).toHaveLength(1);
    expect(index.calls[0]?.map((change) => change.type === 'upsert' && change.document.id)).toEqual(
      ['A', 'B', 'C'],
    );
  });

  it('reports only the record it cannot read, by sequence number', async () => {
    const index = new RecordingIndex();
    const records = [withId(insert, 'A', '1'), broken('2'), withId(insert, 'C', '3')];

    const response = await new StreamIndexer(index).process({ Records: records }, context);

    expect(response).toEqual({ batchItemFailures: [{ itemIdentifier: '2' }] });
    expect(index.calls[0]).toHaveLength(2);
  });

  it('fails the whole batch when the index cannot be reached', async () => {
    const index = new RecordingIndex();
    index.failing = true;

    const processing = new StreamIndexer(index).process({ Records: [insert, remove] }, context);

    await expect(processing).rejects.toThrow(/All records failed/);
  });

  it('applies only the last change of an item changed several times in one batch', async () => {
    const index = new RecordingIndex();

    await new StreamIndexer(index).process({ Records: [insert, modify, remove] }, context);

    expect(index.calls).toEqual([
      [{ type: 'delete', id: '01JD8Y3M6Z0000000000000001', version: 2 }],
    ]);
  });
});
