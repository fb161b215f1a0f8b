import { randomUUID } from 'node:crypto';
import { createDocumentClient, createDynamoDbClient } from '@mobile-backend/domain/http';
import type { Item } from '@mobile-backend/domain/data';

/** Clients against the DynamoDB Local of the integration globalSetup (AWS_ENDPOINT_URL_DYNAMODB). */
export function localDynamoDb() {
  const client = createDynamoDbClient();
  return { client, documents: createDocumentClient(client) };
}

export function tableName(variable: 'APP_TABLE_NAME' | 'IDEMPOTENCY_TABLE_NAME'): string {
  const name = process.env[variable];
  if (!name) throw new Error(`${variable} is not set: run with the integration globalSetup`);
  return name;
}

/** A user id of its own for each test, so tests share the table without seeing each other. */
export const uniqueUserId = (): string => `user-${randomUUID()}`;

export function anItem(id: string, ownerId: string, overrides: Partial<Item> = {}): Item {
  return {
    id,
    ownerId,
    title: `title ${id}`,
    body: '',
    tags: [],
    visibility: 'private',
    data: {},
    mediaIds: [],
    createdAt: '2025-01-01T00:00:00.000Z',
    updatedAt: '2025-01-01T00:00:00.000Z',
    version: 1,
    ...overrides,
  };
}
