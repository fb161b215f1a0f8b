import {
  ApiGatewayManagementApiClient,
  DeleteConnectionCommand,
  GoneException,
  PostToConnectionCommand,
} from '@aws-sdk/client-apigatewaymanagementapi';
import { tracer } from '../observability';
import type { ConnectionMessenger, SendOutcome } from './connection-messenger';
import type { ServerFrame } from './frames';

function isGone(error: unknown): boolean {
  return (
    error instanceof GoneException ||
    (error instanceof Error && error.name === 'GoneException') ||
    (error as { $metadata?: { httpStatusCode?: number } } | undefined)?.$metadata
      ?.httpStatusCode === 410
  );
}

/**
 * Posts frames through the WebSocket API's management endpoint
 * (`https://{api-id}.execute-api.{region}.amazonaws.com/{stage}`), which the
 * client cannot discover by itself: it comes from configuration.
 */
export class ApiGatewayConnectionMessenger implements ConnectionMessenger {
  constructor(private readonly client: ApiGatewayManagementApiClient) {}

  static create(endpoint: string): ApiGatewayConnectionMessenger {
    return new ApiGatewayConnectionMessenger(
      tracer.captureAWSv3Client(new ApiGatewayManagementApiClient({ endpoint })),
    );
  }

  async send(connectionId: string, frame: ServerFrame): Promise<SendOutcome> {
    try {
      await this.client.send(
        new PostToConnectionCommand({
          ConnectionId: connectionId,
          Data: new TextEncoder().encode(JSON.stringify(frame)),
        }),
      );
      return 'sent';
    } catch (error) {
      if (isGone(error)) return 'gone';
      throw error;
    }
  }

  async disconnect(connectionId: string): Promise<void> {
    try {
      await this.client.send(new DeleteConnectionCommand({ ConnectionId: connectionId }));
    } catch (error) {
      if (!isGone(error)) throw error;
    }
  }
}
