import type { ItemVisibility } from '../items/item';
import type { SearchDocument } from './search-document';

/** One change the index must apply: add or replace a document, or delete one. */
export type IndexChange =
  { type: 'upsert'; document: SearchDocument } | { type: 'delete'; id: string; version: number };

/**
 * A search on behalf of `viewerId`, who may only ever see public items and
 * their own; `null` for a guest, who owns nothing and sees public items only.
 */
export interface SearchQuery {
  viewerId: string | null;
  /** Free text; empty when only filters are given. */
  text: string;
  /** Every tag must be on the item. */
  tags: string[];
  ownerId?: string;
  size: number;
  start: number;
}

export interface SearchHit {
  id: string;
  ownerId: string;
  title: string;
  /** An excerpt of the body (or title) around the match, matches marked with <em>; HTML-escaped. */
  snippet: string;
  tags: string[];
  visibility: ItemVisibility;
  updatedAt: string;
  score: number;
}

export interface SearchResults {
  hits: SearchHit[];
  /** How many documents match in all. */
  found: number;
}

/**
 * The search engine behind the API (port). The CloudSearch adapter is
 * cloudsearch-index.ts; another engine (OpenSearch, Typesense, ...) goes
 * beside it. `search` must apply the viewer's authorization inside the
 * engine, before paging, never by filtering a page afterwards.
 */
export interface SearchIndex {
  /** Applies the changes; add/replace and delete are idempotent, so a replay is harmless. */
  apply(changes: readonly IndexChange[]): Promise<void>;
  search(query: SearchQuery): Promise<SearchResults>;
}
