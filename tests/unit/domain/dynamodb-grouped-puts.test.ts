import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { BatchWriteCommand, DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { GroupedPuts } from '../../../layers/domain/src/dynamodb-grouped-puts';

const documents = DynamoDBDocumentClient.from(new DynamoDBClient({ region: 'us-east-1' }));
const dynamo = mockClient(documents);

beforeEach(() => dynamo.reset());

/** What each BatchWriteItem carried: table → the ids of its puts. */
function writesSent(): Record<string, unknown[]>[] {
  return dynamo
    .commandCalls(BatchWriteCommand)
    .map((call) =>
      Object.fromEntries(
        Object.entries(call.args[0].input.RequestItems ?? {}).map(([table, requests]) => [
          table,
          requests.map((request) => request.PutRequest?.Item?.id),
        ]),
      ),
    );
}

describe('GroupedPuts', () => {
  it('writes a put alone at once', async () => {
    dynamo.on(BatchWriteCommand).resolves({});
    const puts = new GroupedPuts(documents);

    await puts.put('A', { id: 1 });

    expect(writesSent()).toEqual([{ A: [1] }]);
  });

  it('sends the puts that queued behind a write together, whatever their table', async () => {
    dynamo.on(BatchWriteCommand).resolves({});
    const puts = new GroupedPuts(documents);

    await Promise.all([
      puts.put('A', { id: 1 }),
      puts.put('A', { id: 2 }),
      puts.put('B', { id: 3 }),
    ]);

    expect(writesSent()).toEqual([{ A: [1] }, { A: [2], B: [3] }]);
  });

  it('sends at most 25 puts per write', async () => {
    dynamo.on(BatchWriteCommand).resolves({});
    const puts = new GroupedPuts(documents);

    await Promise.all(Array.from({ length: 31 }, (_, id) => puts.put('A', { id })));

    expect(writesSent().map((write) => write.A?.length)).toEqual([1, 25, 5]);
  });

  it('writes again what DynamoDB left unprocessed', async () => {
    dynamo
      .on(BatchWriteCommand)
      .resolvesOnce({ UnprocessedItems: { A: [{ PutRequest: { Item: { id: 1 } } }] } })
      .resolves({});
    const puts = new GroupedPuts(documents);

    await puts.put('A', { id: 1 });

    expect(writesSent()).toEqual([{ A: [1] }, { A: [1] }]);
  });

  it('fails the puts of a failed write only, and writes the next ones', async () => {
    dynamo.on(BatchWriteCommand).rejectsOnce(new Error('throttled')).resolves({});
    const puts = new GroupedPuts(documents);

    const results = await Promise.allSettled([puts.put('A', { id: 1 }), puts.put('A', { id: 2 })]);

    expect(results.map((result) => result.status)).toEqual(['rejected', 'fulfilled']);
  });
});
