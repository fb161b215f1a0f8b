// The search domain's index fields: what `npm run search:setup` defines on
// CloudSearch and what the sandbox's local endpoint accepts. Names are valid
// CloudSearch field names (lower case a-z, 0-9, _; starting with a letter).

export type SearchFieldType = 'literal' | 'literal-array' | 'text' | 'date' | 'int';

export interface SearchIndexField {
  name: string;
  type: SearchFieldType;
  /** Usable in `fq` and structured queries (literal, date and int fields). */
  search?: boolean;
  /** Can be asked for with `return=`. */
  return?: boolean;
  sort?: boolean;
  /** Text fields: can be highlighted. */
  highlight?: boolean;
}

export const SEARCH_INDEX_FIELDS: readonly SearchIndexField[] = [
  { name: 'owner_id', type: 'literal', search: true, return: true },
  { name: 'visibility', type: 'literal', search: true, return: true },
  { name: 'title', type: 'text', return: true, sort: true, highlight: true },
  { name: 'body', type: 'text', return: false, highlight: true },
  // Literal so that `tags=` filters match whole tags; also searched by `q`.
  { name: 'tags', type: 'literal-array', search: true, return: true },
  { name: 'created_at', type: 'date', search: true, return: true, sort: true },
  { name: 'updated_at', type: 'date', search: true, return: true, sort: true },
  // The item version the document was built from, for diagnosing stale documents.
  { name: 'version', type: 'int', search: true, return: true, sort: true },
];

/** CloudSearch's rule for field names. */
export const SEARCH_FIELD_NAME = /^[a-z][a-z0-9_]{0,63}$/;
