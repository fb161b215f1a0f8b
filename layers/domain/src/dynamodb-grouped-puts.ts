import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { writeBatch } from './dynamodb';

/** BatchWriteItem takes 25 requests. */
const PUTS_PER_WRITE = 25;

interface QueuedPut {
  tableName: string;
  item: Record<string, unknown>;
  written: () => void;
  failed: (error: unknown) => void;
}

/**
 * Unconditional puts written together, any table: a put waits for the write
 * in flight, then leaves with every put that queued behind it, up to 25 per
 * BatchWriteItem. Alone it leaves at once; under load a DynamoDB request
 * carries many. Each put resolves when its own write did.
 */
export class GroupedPuts {
  private readonly queued: QueuedPut[] = [];
  private writing = false;

  constructor(private readonly documents: DynamoDBDocumentClient) {}

  put(tableName: string, item: Record<string, unknown>): Promise<void> {
    return new Promise((written, failed) => {
      this.queued.push({ tableName, item, written, failed });
      void this.writeNext();
    });
  }

  private async writeNext(): Promise<void> {
    if (this.writing || this.queued.length === 0) return;
    this.writing = true;
    const group = this.queued.splice(0, PUTS_PER_WRITE);
    try {
      await writeBatch(this.documents, requestsOf(group));
      for (const put of group) put.written();
    } catch (error) {
      for (const put of group) put.failed(error);
    } finally {
      this.writing = false;
      void this.writeNext();
    }
  }
}

function requestsOf(group: readonly QueuedPut[]) {
  const requests: Record<string, { PutRequest: { Item: Record<string, unknown> } }[]> = {};
  for (const { tableName, item } of group) {
    (requests[tableName] ??= []).push({ PutRequest: { Item: item } });
  }
  return requests;
}
