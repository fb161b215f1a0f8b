import type { Client } from '@opensearch-project/opensearch';
import { assertBulkApplied, bulkBodiesOf } from './opensearch-bulk';
import { prepareWriteIndices } from './opensearch-index-layout';
import { searchBodyOf, searchHitOf, type OpenSearchHit } from './opensearch-query';
import type { IndexChange, SearchIndex, SearchQuery, SearchResults } from './search-index';

export interface OpenSearchIndexOptions {
  /** The read alias (`items`). */
  alias: string;
  /** Write only to these indices instead of preparing them from the alias (the reindex backfill). */
  writeIndices?: string[];
}

/**
 * The SearchIndex on an OpenSearch domain: searches read the alias, writes go
 * to the indices prepareWriteIndices finds (once per cold start, retried after
 * a failure), each as an external-versioned bulk operation.
 */
export class OpenSearchIndex implements SearchIndex {
  private writeIndices?: Promise<string[]>;

  constructor(
    private readonly client: Client,
    private readonly options: OpenSearchIndexOptions,
  ) {
    if (options.writeIndices) this.writeIndices = Promise.resolve(options.writeIndices);
  }

  async apply(changes: readonly IndexChange[]): Promise<void> {
    if (changes.length === 0) return;
    const indices = await this.targets();
    for (const body of bulkBodiesOf(changes, indices)) {
      const reply = await this.client.bulk({ body });
      assertBulkApplied(reply.body);
    }
  }

  async search(query: SearchQuery): Promise<SearchResults> {
    const reply = await this.client.search(
      { index: this.options.alias, body: searchBodyOf(query) },
      // No alias yet (nothing was ever indexed): no results rather than an error.
      { ignore: [404] },
    );
    if (reply.statusCode === 404) return { hits: [], found: 0 };
    const { hits } = reply.body;
    const total = typeof hits.total === 'number' ? hits.total : (hits.total?.value ?? 0);
    return { hits: (hits.hits as OpenSearchHit[]).map(searchHitOf), found: total };
  }

  private targets(): Promise<string[]> {
    this.writeIndices ??= prepareWriteIndices(this.client, this.options.alias).catch(
      (error: unknown) => {
        this.writeIndices = undefined;
        throw error;
      },
    );
    return this.writeIndices;
  }
}
