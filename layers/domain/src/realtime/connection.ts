/** An open WebSocket connection of a signed-in user, as `$connect` records it. */
export interface Connection {
  connectionId: string;
  userId: string;
  connectedAt: string;
  /** Epoch seconds: DynamoDB's TTL removes records whose `$disconnect` never came. */
  expiresAt: number;
}

/** API Gateway closes every WebSocket connection after 2 hours. */
export const CONNECTION_LIFETIME_SECONDS = 2 * 60 * 60;

export function newConnection(connectionId: string, userId: string, now: Date): Connection {
  return {
    connectionId,
    userId,
    connectedAt: now.toISOString(),
    expiresAt: Math.floor(now.getTime() / 1000) + CONNECTION_LIFETIME_SECONDS,
  };
}
