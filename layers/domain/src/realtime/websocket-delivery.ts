import type { MessageDelivery, StoredMessage } from '../messaging/message-delivery';
import type { RealtimeOperations } from './realtime-operations';

/** Delivers a new message to the recipient's open app: every open WebSocket connection. */
export class WebSocketDelivery implements MessageDelivery {
  constructor(private readonly realtime: RealtimeOperations) {}

  async deliver(message: StoredMessage): Promise<void> {
    await this.realtime.sendToUser(message.to, { type: 'message', message });
  }
}
