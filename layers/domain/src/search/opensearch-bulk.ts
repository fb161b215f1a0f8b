import type { API } from '@opensearch-project/opensearch';
import type { IndexChange } from './search-index';

// The `_bulk` body for a list of changes, and what its reply means. Every
// write carries the item's version as an external version, so the engine
// keeps the newest document whatever order the writes arrive in: a replayed
// stream batch or the reindex backfill can never bring an older one back.

/** Below the 10 MiB request limit of the smallest OpenSearch Service instances. */
export const MAX_BULK_BYTES = 5 * 1024 * 1024;

/** The document an upsert writes: the index fields plus the id as a keyword (for sorting). */
export function openSearchDocumentOf(change: Extract<IndexChange, { type: 'upsert' }>) {
  return { item_id: change.document.id, ...change.document.fields };
}

/**
 * A delete is versioned one above the removed item's last version, so it
 * wins over that version's document and leaves a tombstone that refuses it
 * if it comes again (for the index's `gc_deletes` period, 60 s by default).
 */
export function deleteVersionOf(change: Extract<IndexChange, { type: 'delete' }>): number {
  return change.version + 1;
}

function linesOf(change: IndexChange, index: string): Record<string, unknown>[] {
  if (change.type === 'delete') {
    return [
      {
        delete: {
          _index: index,
          _id: change.id,
          version: deleteVersionOf(change),
          version_type: 'external',
        },
      },
    ];
  }
  return [
    {
      index: {
        _index: index,
        _id: change.document.id,
        version: change.document.fields.version,
        version_type: 'external',
      },
    },
    openSearchDocumentOf(change),
  ];
}

/** The changes as `_bulk` bodies of at most `maxBytes` each, every change written to every index. */
export function bulkBodiesOf(
  changes: readonly IndexChange[],
  indices: readonly string[],
  maxBytes = MAX_BULK_BYTES,
): API.Bulk_RequestBody[] {
  const bodies: API.Bulk_RequestBody[] = [];
  let current: Record<string, unknown>[] = [];
  let size = 0;
  for (const change of changes) {
    for (const index of indices) {
      const lines = linesOf(change, index);
      const added = lines.reduce(
        (sum, line) => sum + Buffer.byteLength(JSON.stringify(line)) + 1,
        0,
      );
      if (current.length > 0 && size + added > maxBytes) {
        bodies.push(current);
        current = [];
        size = 0;
      }
      current.push(...lines);
      size += added;
    }
  }
  if (current.length > 0) bodies.push(current);
  return bodies;
}

/**
 * A version conflict means a newer (or the same) version is already there,
 * and a delete that finds nothing has nothing to do: both count as applied.
 */
function applied(operation: string, status: number): boolean {
  return (
    (status >= 200 && status < 300) || status === 409 || (operation === 'delete' && status === 404)
  );
}

/** Throws when any operation of the batch was not applied, so the stream records are retried. */
export function assertBulkApplied(reply: API.Bulk_ResponseBody): void {
  if (!reply.errors) return;
  const failures = reply.items.flatMap((item) =>
    Object.entries(item).filter(
      ([operation, result]) => result && !applied(operation, result.status),
    ),
  );
  if (failures.length === 0) return;
  const [operation, result] = failures[0] as [
    string,
    NonNullable<API.Bulk_ResponseBody['items'][number]['index']>,
  ];
  throw new Error(
    `OpenSearch refused ${failures.length} of ${reply.items.length} bulk operations; first: ${operation} ${result._id ?? ''} in ${result._index}: ${result.status} ${result.error?.type ?? ''} ${result.error?.reason ?? ''}`.trim(),
  );
}
