import {
  CloudSearchDomainClient,
  SearchCommand,
  UploadDocumentsCommand,
} from '@aws-sdk/client-cloudsearch-domain';
import type { Hit } from '@aws-sdk/client-cloudsearch-domain';
import type { ItemVisibility } from '../items/item';
import { tracer } from '../observability';
import { filterQueryOf, HIGHLIGHTS, QUERY_FIELDS, RETURN_FIELDS } from './cloudsearch-query';
import { simpleQueryOf } from './search-terms';
import type {
  IndexChange,
  SearchHit,
  SearchIndex,
  SearchQuery,
  SearchResults,
} from './search-index';

/** CloudSearch's limit per documents batch is 5 MB; keep a margin for the JSON around documents. */
export const MAX_BATCH_BYTES = 5 * 1024 * 1024 - 64 * 1024;

/** One documents batch operation, as CloudSearch's batch format spells it. */
export type BatchOperation =
  { type: 'add'; id: string; fields: Record<string, unknown> } | { type: 'delete'; id: string };

export function batchOperationOf(change: IndexChange): BatchOperation {
  return change.type === 'upsert'
    ? { type: 'add', id: change.document.id, fields: change.document.fields }
    : { type: 'delete', id: change.id };
}

/** Splits operations into JSON batches of at most `maxBytes` each, in order. */
export function documentBatches(
  operations: BatchOperation[],
  maxBytes = MAX_BATCH_BYTES,
): string[] {
  const batches: string[] = [];
  let current: string[] = [];
  let size = 2;
  for (const operation of operations) {
    const json = JSON.stringify(operation);
    const added = Buffer.byteLength(json) + 1;
    if (current.length > 0 && size + added > maxBytes) {
      batches.push(`[${current.join(',')}]`);
      current = [];
      size = 2;
    }
    current.push(json);
    size += added;
  }
  if (current.length > 0) batches.push(`[${current.join(',')}]`);
  return batches;
}

/** CloudSearch shows endpoints without a scheme (`doc-x.us-east-1.cloudsearch.amazonaws.com`). */
export function endpointUrl(endpoint: string): string {
  return /^https?:\/\//.test(endpoint) ? endpoint : `https://${endpoint}`;
}

function first(hit: Hit, field: string): string {
  return hit.fields?.[field]?.[0] ?? '';
}

const MARKED = '<em>';

/** The body excerpt around a match, else the title's, else the start of the body. */
function snippetOf(hit: Hit): string {
  const { body, title } = hit.highlights ?? {};
  if (body?.includes(MARKED)) return body;
  if (title?.includes(MARKED)) return title;
  return body ?? '';
}

export function searchHitOf(hit: Hit): SearchHit {
  return {
    id: hit.id ?? '',
    ownerId: first(hit, 'owner_id'),
    title: first(hit, 'title'),
    snippet: snippetOf(hit),
    tags: hit.fields?.tags ?? [],
    visibility: first(hit, 'visibility') as ItemVisibility,
    updatedAt: first(hit, 'updated_at'),
    score: Number(first(hit, '_score') || 0),
  };
}

/** The search request for a query: free text with the simple parser, or every visible item. */
export function searchRequestOf(query: SearchQuery) {
  const text = simpleQueryOf(query.text);
  return {
    ...(text === ''
      ? { query: 'matchall', queryParser: 'structured' as const, sort: 'updated_at desc' }
      : {
          query: text,
          queryParser: 'simple' as const,
          queryOptions: JSON.stringify({ fields: QUERY_FIELDS, defaultOperator: 'and' }),
          sort: '_score desc,updated_at desc',
        }),
    filterQuery: filterQueryOf(query),
    return: RETURN_FIELDS.join(','),
    highlight: JSON.stringify(HIGHLIGHTS),
    size: query.size,
    start: query.start,
  };
}

/**
 * The SearchIndex on an Amazon CloudSearch domain: uploads go to the
 * document endpoint, searches to the search endpoint (the SDK needs both
 * given explicitly; locally both are the sandbox's search endpoint).
 */
export class CloudSearchIndex implements SearchIndex {
  private documentClient?: CloudSearchDomainClient;
  private searchClient?: CloudSearchDomainClient;

  constructor(private readonly endpoints: { document?: string; search?: string }) {}

  async apply(changes: readonly IndexChange[]): Promise<void> {
    if (changes.length === 0) return;
    const client = (this.documentClient ??= this.client(this.endpoints.document, 'document'));
    for (const batch of documentBatches(changes.map(batchOperationOf))) {
      const reply = await client.send(
        new UploadDocumentsCommand({ documents: batch, contentType: 'application/json' }),
      );
      if (reply.status !== 'success') {
        throw new Error(`CloudSearch rejected a documents batch (status ${reply.status})`);
      }
    }
  }

  async search(query: SearchQuery): Promise<SearchResults> {
    const client = (this.searchClient ??= this.client(this.endpoints.search, 'search'));
    const reply = await client.send(new SearchCommand(searchRequestOf(query)));
    return {
      hits: (reply.hits?.hit ?? []).map(searchHitOf),
      found: reply.hits?.found ?? 0,
    };
  }

  private client(endpoint: string | undefined, kind: string): CloudSearchDomainClient {
    if (!endpoint) throw new Error(`CloudSearchIndex has no ${kind} endpoint`);
    return tracer.captureAWSv3Client(
      new CloudSearchDomainClient({ endpoint: endpointUrl(endpoint) }),
    );
  }
}
