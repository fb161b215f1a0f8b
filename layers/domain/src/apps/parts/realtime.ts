import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { ActiveAccounts } from '../../accounts/active-accounts';
import { createDocumentClient, createDynamoDbClient } from '../../dynamodb';
import { DynamoDbProfileStore } from '../../profiles/dynamodb-profile-store';
import type { ConnectionMessenger } from '../../realtime/connection-messenger';
import { DynamoDbConnectionStore } from '../../realtime/dynamodb-connection-store';
import type { RealtimeConfig } from '../../realtime/realtime-config';
import { RealtimeOperations } from '../../realtime/realtime-operations';
import { onFirstUse } from './on-first-use';

/**
 * Connections in DynamoDB, frames through the `@connections` API, and only
 * active accounts may connect: what WebSocketFunction runs, and what the
 * message worker and account deletion use to reach connections. Call once at
 * module scope; a function that already has a document client passes it.
 */
export function createRealtime(
  config: RealtimeConfig,
  documents: DynamoDBDocumentClient = createDocumentClient(createDynamoDbClient()),
): RealtimeOperations {
  return new RealtimeOperations(
    new DynamoDbConnectionStore(documents, config.appTableName),
    connectionMessenger(config.managementEndpoint),
    { accounts: new ActiveAccounts(new DynamoDbProfileStore(documents, config.appTableName)) },
  );
}

// Loaded on first use: $connect and $disconnect never send a frame, so the
// cold start of a new connection does not load the @connections client.
function connectionMessenger(endpoint: string): ConnectionMessenger {
  return onFirstUse<ConnectionMessenger>(
    async () =>
      (
        await import('../../realtime/api-gateway-connection-messenger')
      ).ApiGatewayConnectionMessenger.create(endpoint),
    { send: true, disconnect: true },
  );
}
