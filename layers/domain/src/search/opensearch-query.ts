import type { API, Types } from '@opensearch-project/opensearch';
import type { ItemVisibility } from '../items/item';
import { simpleQueryOf } from './search-terms';
import type { SearchHit, SearchQuery } from './search-index';

// The `_search` request for a SearchQuery, with the CloudSearch adapter's
// semantics: the viewer's authorization and the caller's filters are one bool
// `filter` evaluated inside the engine before sorting and paging; values are
// term values (data, never query syntax); free text searches title (boost 3),
// tags (2) and body, every term required somewhere.

/** Fields `q` searches, with boosts (cloudsearch-query.ts QUERY_FIELDS, tags as text). */
export const QUERY_FIELDS = ['title^3', 'tags.text^2', 'body'];

const SOURCE_FIELDS = ['owner_id', 'title', 'tags', 'visibility', 'updated_at'];

/** Public items or the viewer's own (a guest's: public only), then every tag, then the owner. */
export function filterOf(query: Pick<SearchQuery, 'viewerId' | 'tags' | 'ownerId'>) {
  const visible = [
    { term: { visibility: 'public' } },
    ...(query.viewerId === null ? [] : [{ term: { owner_id: query.viewerId } }]),
  ];
  return [
    { bool: { should: visible, minimum_should_match: 1 } },
    ...query.tags.map((tag) => ({ term: { tags: tag } })),
    ...(query.ownerId === undefined ? [] : [{ term: { owner_id: query.ownerId } }]),
  ];
}

// Highlights come back with these private-use characters around matches and
// no escaping; snippetOf escapes the text and only then turns them into <em>,
// so the markup of an item can never pass through as HTML.
const MATCH_START = '\uE000';
const MATCH_END = '\uE001';
/** About the length of CloudSearch's excerpts. */
const SNIPPET_CHARS = 240;

const HIGHLIGHT = {
  pre_tags: [MATCH_START],
  post_tags: [MATCH_END],
  fields: {
    // The start of the body when nothing in it matched, as CloudSearch does.
    body: { number_of_fragments: 1, fragment_size: SNIPPET_CHARS, no_match_size: SNIPPET_CHARS },
    title: { number_of_fragments: 0 },
  },
};

export function searchBodyOf(query: SearchQuery): API.Search_RequestBody {
  const text = simpleQueryOf(query.text);
  const match =
    text === ''
      ? { match_all: {} }
      : {
          multi_match: {
            query: text,
            fields: QUERY_FIELDS,
            // Term-centric: each term in some field, as the simple parser's `and` does.
            type: 'cross_fields' as const,
            operator: 'and' as const,
          },
        };
  // Ties broken by id, so paging by offset never repeats or skips a hit.
  const order: Types.Common.SortCombinations[] = [
    { updated_at: { order: 'desc' } },
    { item_id: { order: 'asc' } },
  ];
  return {
    query: { bool: { must: [match], filter: filterOf(query) } },
    sort: text === '' ? order : [{ _score: { order: 'desc' } }, ...order],
    from: query.start,
    size: query.size,
    track_total_hits: true,
    _source: SOURCE_FIELDS,
    highlight: HIGHLIGHT,
  };
}

/** As the local CloudSearch endpoint escapes its `html` highlights. */
export function escapeHtml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;');
}

/** A highlight fragment as safe HTML with its matches in <em>. */
export function markedFragment(fragment: string): string {
  return escapeHtml(fragment).replaceAll(MATCH_START, '<em>').replaceAll(MATCH_END, '</em>');
}

/** The body excerpt around a match, else the title's, else the start of the body. */
export function snippetOf(highlight: Record<string, string[]> | undefined): string {
  const [body] = highlight?.body ?? [];
  const [title] = highlight?.title ?? [];
  if (body?.includes(MATCH_START)) return markedFragment(body);
  if (title?.includes(MATCH_START)) return markedFragment(title);
  return markedFragment(body ?? '');
}

/** A hit as `_search` returns it with the request above. */
export interface OpenSearchHit {
  _id?: string;
  _score?: number | string | null;
  _source?: Record<string, unknown>;
  highlight?: Record<string, string[]>;
}

export function searchHitOf(hit: OpenSearchHit): SearchHit {
  const source = hit._source ?? {};
  const text = (name: string) => (typeof source[name] === 'string' ? source[name] : '');
  return {
    id: hit._id ?? '',
    ownerId: text('owner_id'),
    title: text('title'),
    snippet: snippetOf(hit.highlight),
    tags: Array.isArray(source.tags) ? source.tags.map(String) : [],
    visibility: text('visibility') as ItemVisibility,
    updatedAt: text('updated_at'),
    score: Number(hit._score ?? 0),
  };
}
