import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { DeleteCommand, paginateQuery, PutCommand } from '@aws-sdk/lib-dynamodb';
import { batchDelete } from '../dynamodb';
import type { Connection } from './connection';
import type { ConnectionStore } from './connection-store';

// Single-table layout: the connection under its own partition (what
// `$disconnect` and a 410 delete by id), and in GSI1 under its user (what a
// delivery reads). `expiresAt` is the table's TTL attribute.
const connectionKey = (connectionId: string) => ({
  PK: `CONN#${connectionId}`,
  SK: 'CONNECTION',
});
const userConnections = (userId: string) => `CONNS#${userId}`;

export class DynamoDbConnectionStore implements ConnectionStore {
  constructor(
    private readonly documents: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async put(connection: Connection): Promise<void> {
    await this.documents.send(
      new PutCommand({
        TableName: this.tableName,
        Item: {
          ...connectionKey(connection.connectionId),
          GSI1PK: userConnections(connection.userId),
          GSI1SK: connection.connectionId,
          entity: 'connection',
          ...connection,
        },
      }),
    );
  }

  async remove(connectionId: string): Promise<void> {
    await this.documents.send(
      new DeleteCommand({ TableName: this.tableName, Key: connectionKey(connectionId) }),
    );
  }

  async listByUser(userId: string, now: Date = new Date()): Promise<Connection[]> {
    const connections: Connection[] = [];
    const pages = paginateQuery(
      { client: this.documents },
      {
        TableName: this.tableName,
        IndexName: 'GSI1',
        KeyConditionExpression: 'GSI1PK = :user',
        // TTL deletion lags by up to days: an expired record is already gone for us.
        FilterExpression: 'expiresAt > :now',
        ExpressionAttributeValues: {
          ':user': userConnections(userId),
          ':now': Math.floor(now.getTime() / 1000),
        },
        ProjectionExpression: 'connectionId, userId, connectedAt, expiresAt',
      },
    );
    for await (const page of pages) connections.push(...((page.Items ?? []) as Connection[]));
    return connections;
  }

  async removeAllByUser(userId: string): Promise<string[]> {
    const ids = (await this.listByUser(userId, new Date(0))).map((c) => c.connectionId);
    await batchDelete(this.documents, this.tableName, ids.map(connectionKey));
    return ids;
  }
}
