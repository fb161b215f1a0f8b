import * as z from 'zod';
import { readEnvironment, type Environment } from '../config';

const nonEmpty = z.string().min(1);

const WebSocketEnvironment = z.object({
  APP_TABLE_NAME: nonEmpty,
  WEBSOCKET_MANAGEMENT_ENDPOINT: z.url(),
});

const WebSocketAuthorizerEnvironment = z.object({
  COGNITO_ISSUER: z.url(),
  USER_POOL_CLIENT_IDS: nonEmpty,
});

/** What sends frames to connections: WebSocketFunction, and the message worker. */
export interface RealtimeConfig {
  appTableName: string;
  /** `https://{api-id}.execute-api.{region}.amazonaws.com/{stage}`, the `@connections` API. */
  managementEndpoint: string;
}

export interface WebSocketAuthorizerConfig {
  issuer: string;
  clientIds: string[];
}

export function realtimeConfig(env: Environment = process.env): RealtimeConfig {
  const vars = readEnvironment(WebSocketEnvironment, env);
  return {
    appTableName: vars.APP_TABLE_NAME,
    managementEndpoint: vars.WEBSOCKET_MANAGEMENT_ENDPOINT,
  };
}

export function webSocketAuthorizerConfig(
  env: Environment = process.env,
): WebSocketAuthorizerConfig {
  const vars = readEnvironment(WebSocketAuthorizerEnvironment, env);
  return {
    issuer: vars.COGNITO_ISSUER.replace(/\/$/, ''),
    clientIds: vars.USER_POOL_CLIENT_IDS.split(',')
      .map((id) => id.trim())
      .filter((id) => id !== ''),
  };
}
