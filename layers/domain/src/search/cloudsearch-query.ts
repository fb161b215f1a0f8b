import type { SearchQuery } from './search-index';

// Query strings for CloudSearch, built so that user input is only ever data:
// filter values are quoted strings with their quotes and backslashes escaped,
// and free text loses the characters the simple parser treats as operators.

/** A structured-query string literal: `'it\'s'`. */
export function quoted(value: string): string {
  return `'${value.replaceAll('\\', '\\\\').replaceAll("'", "\\'")}'`;
}

/**
 * The filter every search runs under: public items or the viewer's own (a
 * guest's: public items only),
 * then the caller's tag and owner filters, all inside one `and`.
 */
export function filterQueryOf(query: Pick<SearchQuery, 'viewerId' | 'tags' | 'ownerId'>): string {
  const visible =
    query.viewerId === null
      ? `(term field=visibility 'public')`
      : `(or (term field=visibility 'public') (term field=owner_id ${quoted(query.viewerId)}))`;
  const clauses = [
    visible,
    ...query.tags.map((tag) => `(term field=tags ${quoted(tag)})`),
    ...(query.ownerId === undefined ? [] : [`(term field=owner_id ${quoted(query.ownerId)})`]),
  ];
  return `(and ${clauses.join(' ')})`;
}

/** Fields the simple query searches, with boosts. */
export const QUERY_FIELDS = ['title^3', 'tags^2', 'body'];

export const RETURN_FIELDS = ['owner_id', 'title', 'tags', 'visibility', 'updated_at', '_score'];

/** HTML, so the excerpt is escaped and safe to show; matches are wrapped in <em>. */
export const HIGHLIGHTS = {
  body: { format: 'html', max_phrases: 2, pre_tag: '<em>', post_tag: '</em>' },
  title: { format: 'html', max_phrases: 1, pre_tag: '<em>', post_tag: '</em>' },
};
