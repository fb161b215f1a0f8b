import { DescribeTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';

// The SDK is configured only through the environment that global-setup.ts exported.
describe('integration global setup', () => {
  const client = new DynamoDBClient({});

  afterAll(() => client.destroy());

  it('points the SDK at DynamoDB Local on loopback', () => {
    expect(process.env.AWS_ENDPOINT_URL_DYNAMODB).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it.each(['APP_TABLE_NAME', 'IDEMPOTENCY_TABLE_NAME'])(
    'creates the table named by %s',
    async (variable) => {
      const tableName = process.env[variable];

      const { Table: table } = await client.send(
        new DescribeTableCommand({ TableName: tableName }),
      );

      expect(table?.TableStatus).toBe('ACTIVE');
    },
  );
});
