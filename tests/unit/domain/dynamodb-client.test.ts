import { createDynamoDbClient } from '../../../layers/domain/src/dynamodb';

describe('the DynamoDB client of every function', () => {
  it('leaves out the SDK logger middleware, which would filter each item for a no-op logger', () => {
    const client = createDynamoDbClient();

    const middleware = client.middlewareStack.identify();

    expect(middleware.some((entry) => entry.startsWith('loggerMiddleware'))).toBe(false);
  });

  it('keeps signing, retries and serialization', () => {
    const client = createDynamoDbClient();

    const middleware = client.middlewareStack.identify().join('\n');

    expect(middleware).toMatch(/^serializerMiddleware/m);
    expect(middleware).toMatch(/^retryMiddleware/m);
    expect(middleware).toMatch(/^httpSigningMiddleware/m);
    expect(middleware).toMatch(/^deserializerMiddleware/m);
  });
});
