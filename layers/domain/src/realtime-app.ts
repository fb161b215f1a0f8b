import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { ActiveAccounts } from './accounts/active-accounts';
import { createDocumentClient, createDynamoDbClient } from './dynamodb';
import { DynamoDbProfileStore } from './profiles/dynamodb-profile-store';
import { ApiGatewayConnectionMessenger } from './realtime/api-gateway-connection-messenger';
import { CognitoTokenVerifier } from './realtime/cognito-token-verifier';
import { DynamoDbConnectionStore } from './realtime/dynamodb-connection-store';
import { RealtimeOperations } from './realtime/realtime-operations';
import type { RealtimeConfig, WebSocketAuthorizerConfig } from './realtime/realtime-config';

/**
 * Connections in DynamoDB, frames through the `@connections` API, and only
 * active accounts may connect. Call once at module scope; a function that
 * already has a document client passes it.
 */
export function createRealtime(
  config: RealtimeConfig,
  documents: DynamoDBDocumentClient = createDocumentClient(createDynamoDbClient()),
): RealtimeOperations {
  return new RealtimeOperations(
    new DynamoDbConnectionStore(documents, config.appTableName),
    ApiGatewayConnectionMessenger.create(config.managementEndpoint),
    { accounts: new ActiveAccounts(new DynamoDbProfileStore(documents, config.appTableName)) },
  );
}

/** WebSocketAuthorizerFunction's verifier. Call once at module scope. */
export function createTokenVerifier(config: WebSocketAuthorizerConfig): CognitoTokenVerifier {
  return new CognitoTokenVerifier({ issuer: config.issuer, clientIds: config.clientIds });
}
