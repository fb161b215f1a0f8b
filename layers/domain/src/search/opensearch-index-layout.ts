import type { Client } from '@opensearch-project/opensearch';
import { INDEX_MAPPINGS, INDEX_SETTINGS, versionedIndexName } from './opensearch-mappings';

// The concrete indices behind the read alias, created on first use by the
// indexer (idempotently: two cold starts may race) and moved by the reindex
// script. Only these calls change the layout.

interface ErrorReply {
  statusCode?: number | null;
  body?: unknown;
}

/** The OpenSearch error type of a failed call (`resource_already_exists_exception`, ...). */
export function errorTypeOf(error: unknown): string | undefined {
  const meta = (error as { meta?: ErrorReply } | undefined)?.meta;
  const body = meta?.body as { error?: { type?: string } } | undefined;
  return body?.error?.type;
}

export function statusOf(error: unknown): number | undefined {
  return (error as { meta?: ErrorReply } | undefined)?.meta?.statusCode ?? undefined;
}

/** Creates the index with this code's mappings; one that already exists is left as it is. */
export async function createVersionedIndex(client: Client, index: string): Promise<void> {
  try {
    await client.indices.create({
      index,
      body: { settings: INDEX_SETTINGS, mappings: INDEX_MAPPINGS },
    });
  } catch (error) {
    if (errorTypeOf(error) !== 'resource_already_exists_exception') throw error;
  }
}

/** The indices the alias points at; none when the alias does not exist yet. */
export async function aliasedIndices(client: Client, alias: string): Promise<string[]> {
  const reply = await client.indices.getAlias({ name: alias }, { ignore: [404] });
  if (reply.statusCode === 404) return [];
  return Object.keys(reply.body as Record<string, unknown>).sort();
}

/**
 * Where the indexer writes: the index of this code's mapping version,
 * created if needed, and every index the alias reads from. The alias is
 * pointed at the new index only when it does not exist yet; while it still
 * reads an older version, both are written until `npm run search:reindex`
 * has backfilled the new one and moved the alias.
 */
export async function prepareWriteIndices(
  client: Client,
  alias: string,
  version?: number,
): Promise<string[]> {
  const current = versionedIndexName(alias, version);
  await createVersionedIndex(client, current);
  let aliased = await aliasedIndices(client, alias);
  if (aliased.length === 0) {
    // Adding an alias that is already there changes nothing, so a racing cold start is harmless.
    await client.indices.updateAliases({
      body: { actions: [{ add: { index: current, alias } }] },
    });
    aliased = [current];
  }
  return [...new Set([...aliased, current])];
}

/** Points the alias at `index` alone, in one atomic `_aliases` call; returns where it pointed before. */
export async function moveAlias(client: Client, alias: string, index: string): Promise<string[]> {
  const previous = await aliasedIndices(client, alias);
  await client.indices.updateAliases({
    body: {
      actions: [
        ...previous
          .filter((name) => name !== index)
          .map((name) => ({ remove: { index: name, alias } })),
        { add: { index, alias } },
      ],
    },
  });
  return previous;
}
