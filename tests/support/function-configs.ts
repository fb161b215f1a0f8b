import { accountDeletionAppConfig } from '@mobile-backend/domain/apps/account-deletion';
import { dataApiConfig } from '@mobile-backend/domain/apps/data-api';
import { mediaApiConfig } from '@mobile-backend/domain/apps/media-api';
import { mediaProcessorConfig } from '@mobile-backend/domain/apps/media-processor';
import { messageWorkerAppConfig } from '@mobile-backend/domain/apps/message-worker';
import { messagingApiConfig } from '@mobile-backend/domain/apps/messaging-api';
import { searchApiConfig } from '@mobile-backend/domain/apps/search-api';
import { searchIndexerConfig } from '@mobile-backend/domain/apps/search-indexer';
import { realtimeConfig } from '@mobile-backend/domain/apps/websocket';
import { webSocketAuthorizerConfig } from '@mobile-backend/domain/apps/websocket-authorizer';

// Each function's cold-start configuration check, by logical id.
export type Environment = Record<string, string | undefined>;

export const configurationChecks: Record<
  string,
  ((env: Environment) => unknown) | 'reads no configuration'
> = {
  AccountDeletionFunction: accountDeletionAppConfig,
  DataApiFunction: dataApiConfig,
  MediaApiFunction: mediaApiConfig,
  MediaProcessorFunction: mediaProcessorConfig,
  MessageWorkerFunction: messageWorkerAppConfig,
  MessagingApiFunction: messagingApiConfig,
  SearchApiFunction: searchApiConfig,
  SearchIndexerFunction: searchIndexerConfig,
  WebSocketFunction: realtimeConfig,
  WebSocketAuthorizerFunction: webSocketAuthorizerConfig,
  // A custom resource: its properties come in the CloudFormation event.
  PushPlatformApplicationsFunction: 'reads no configuration',
  MediaSigningKeyFunction: 'reads no configuration',
  // A rotation function: Secrets Manager names the secret in each event.
  CursorKeyRotationFunction: 'reads no configuration',
};
