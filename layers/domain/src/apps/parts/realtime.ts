import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { ActiveAccounts } from '../../accounts/active-accounts';
import { createDocumentClient, createDynamoDbClient } from '../../dynamodb';
import { DynamoDbProfileStore } from '../../profiles/dynamodb-profile-store';
import type { ConnectionMessenger } from '../../realtime/connection-messenger';
import type { ConnectionStore } from '../../realtime/connection-store';
import { DynamoDbConnectionStore } from '../../realtime/dynamodb-connection-store';
import type { RealtimeConfig } from '../../realtime/realtime-config';
import { RealtimeOperations } from '../../realtime/realtime-operations';

/**
 * Connections in DynamoDB, frames through `messenger` (the `@connections`
 * API), and only active accounts may connect: what WebSocketFunction runs, and
 * what the message worker and account deletion use to reach connections. The
 * caller gives the messenger, so that WebSocketFunction can load its client on
 * first use. Call once at module scope; a function that already has a document
 * client passes it.
 */
export function createRealtime(
  /** Only the table: the messenger already knows the `@connections` endpoint. */
  config: Pick<RealtimeConfig, 'appTableName'>,
  messenger: ConnectionMessenger,
  documents: DynamoDBDocumentClient = createDocumentClient(createDynamoDbClient()),
  /** How the store is read (the message worker reads it once per batch). */
  wrapConnections: (store: ConnectionStore) => ConnectionStore = (store) => store,
): RealtimeOperations {
  return new RealtimeOperations(
    wrapConnections(new DynamoDbConnectionStore(documents, config.appTableName)),
    messenger,
    { accounts: new ActiveAccounts(new DynamoDbProfileStore(documents, config.appTableName)) },
  );
}
