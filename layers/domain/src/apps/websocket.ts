// WebSocketFunction: every route of the WebSocket API.
export { createRealtime } from './parts/realtime';
export { realtimeConfig } from '../realtime/realtime-config';
export type { RealtimeConfig } from '../realtime/realtime-config';
export { connectionUserOf, frameBodyOf } from '../realtime/websocket-event';
export type { WebSocketRouteEvent } from '../realtime/websocket-event';
