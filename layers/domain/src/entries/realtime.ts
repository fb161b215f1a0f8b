// Real time over WebSocket: connections, frames, the $connect authorizer; the wiring
// of WebSocketFunction and WebSocketAuthorizerFunction is in apps/.
export { CONNECTION_LIFETIME_SECONDS, newConnection } from '../realtime/connection';
export type { Connection } from '../realtime/connection';
export type { ConnectionStore } from '../realtime/connection-store';
export { DynamoDbConnectionStore } from '../realtime/dynamodb-connection-store';
export type { ConnectionMessenger, SendOutcome } from '../realtime/connection-messenger';
export { ApiGatewayConnectionMessenger } from '../realtime/api-gateway-connection-messenger';
export { TypingFrameSchema } from '../realtime/frames';
export type { ServerFrame, TypingFrame } from '../realtime/frames';
export { RealtimeOperations } from '../realtime/realtime-operations';
export type { ConnectingAccounts, FanOut, RealtimeOptions } from '../realtime/realtime-operations';
export { WebSocketDelivery } from '../realtime/websocket-delivery';
export { CognitoTokenVerifier } from '../realtime/cognito-token-verifier';
export type { VerifiedToken } from '../realtime/cognito-token-verifier';
export { authorizeConnection, UNAUTHORIZED } from '../realtime/websocket-authorizer';
export type {
  ConnectionAuthorizerContext,
  WebSocketAuthorizerEvent,
} from '../realtime/websocket-authorizer';
export { connectionUserOf, frameBodyOf } from '../realtime/websocket-event';
export type { WebSocketRouteEvent } from '../realtime/websocket-event';
export { realtimeConfig, webSocketAuthorizerConfig } from '../realtime/realtime-config';
export type { RealtimeConfig, WebSocketAuthorizerConfig } from '../realtime/realtime-config';
