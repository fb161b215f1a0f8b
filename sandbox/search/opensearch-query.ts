// The OpenSearch query DSL the search adapter sends, translated for the local
// engine: `bool` (must, filter, should with minimum_should_match, must_not),
// `term`, `terms`, `match_all` and `multi_match` (one text clause per query),
// `sort`, `from`/`size` and `highlight`. Anything else is a parsing_exception,
// as an unknown query is on OpenSearch, so the adapter cannot come to rely on
// something the local endpoint only pretends to do.
import type { HighlightOptions } from './highlight';
import type { EngineSearchRequest } from './search-engine';
import type { StructuredQuery } from './structured-query';
import { parsingError } from './opensearch-errors';

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const listOf = (value: unknown): unknown[] =>
  value === undefined ? [] : Array.isArray(value) ? value : [value];

/** `tags.text` is the text sub-field of `tags`; the local engine searches the field itself. */
const fieldOf = (path: string): string => path.split('.')[0] ?? path;

/** The one free-text clause of a query, if any. */
interface TextClause {
  text: string;
  fields: string[];
  operator: 'and' | 'or';
}

interface Translated {
  text?: TextClause;
  filter: StructuredQuery[];
}

function single(clause: unknown, what: string): [string, unknown] {
  if (!isObject(clause) || Object.keys(clause).length !== 1) {
    throw parsingError(`[${what}] query malformed, must have exactly one query type`);
  }
  return Object.entries(clause)[0] as [string, unknown];
}

function termOf(body: unknown, kind: string): StructuredQuery[] {
  const [field, spec] = single(body, kind);
  const values = kind === 'terms' ? listOf(spec) : [isObject(spec) ? spec.value : spec];
  const operands = values.map((value) => {
    if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') {
      throw parsingError(`[${kind}] query does not support a value of that type`);
    }
    return { kind: 'term' as const, field: fieldOf(field), value: String(value) };
  });
  return [operands.length === 1 ? (operands[0] as StructuredQuery) : { kind: 'or', operands }];
}

function translate(clause: unknown, into: Translated, scoring: boolean): void {
  const [type, body] = single(clause, 'query');
  switch (type) {
    case 'match_all':
      return;
    case 'term':
    case 'terms':
      into.filter.push(...termOf(body, type));
      return;
    case 'multi_match': {
      if (!isObject(body) || typeof body.query !== 'string') {
        throw parsingError('[multi_match] requires query');
      }
      if (!scoring || into.text) {
        throw parsingError('the local endpoint takes one multi_match, in must or at the top');
      }
      into.text = {
        text: body.query,
        fields: listOf(body.fields).map(String),
        operator: body.operator === 'and' ? 'and' : 'or',
      };
      return;
    }
    case 'bool':
      return translateBool(body, into, scoring);
    default:
      throw parsingError(`unknown query [${type}]`);
  }
}

/** Every clause of `bool` but the free text becomes a filter; `should` needs minimum_should_match 1 here. */
function translateBool(body: unknown, into: Translated, scoring: boolean): void {
  if (!isObject(body)) throw parsingError('[bool] query malformed');
  for (const clause of listOf(body.must)) translate(clause, into, scoring);
  const filter: Translated = { filter: [] };
  for (const clause of listOf(body.filter)) translate(clause, filter, false);
  into.filter.push(...filter.filter);
  const should = listOf(body.should);
  if (should.length > 0) {
    if (Number(body.minimum_should_match ?? 0) !== 1) {
      throw parsingError('the local endpoint takes should with minimum_should_match 1 only');
    }
    const alternatives = should.map((clause) => {
      const one: Translated = { filter: [] };
      translate(clause, one, false);
      return {
        kind: 'and' as const,
        operands: one.filter.length > 0 ? one.filter : [{ kind: 'matchall' as const }],
      };
    });
    into.filter.push({ kind: 'or', operands: alternatives });
  }
  for (const clause of listOf(body.must_not)) {
    const negated: Translated = { filter: [] };
    translate(clause, negated, false);
    into.filter.push({ kind: 'not', operand: { kind: 'and', operands: negated.filter } });
  }
}

/** The query part of `_search` or `_count`: free text (if any) and one filter tree. */
export function translateQuery(query: unknown): Translated {
  const translated: Translated = { filter: [] };
  if (query !== undefined) translate(query, translated, true);
  return translated;
}

function sortOf(sort: unknown): string | undefined {
  if (sort === undefined) return undefined;
  return listOf(sort)
    .map((entry) => {
      if (typeof entry === 'string') return `${entry} ${entry === '_score' ? 'desc' : 'asc'}`;
      const [field, spec] = single(entry, 'sort');
      const order = typeof spec === 'string' ? spec : isObject(spec) ? spec.order : undefined;
      return `${field} ${order === 'desc' || (order === undefined && field === '_score') ? 'desc' : 'asc'}`;
    })
    .join(',');
}

function highlightsOf(highlight: unknown): Record<string, HighlightOptions> {
  if (!isObject(highlight)) return {};
  const tags = (value: unknown) => (Array.isArray(value) ? String(value[0] ?? '') : undefined);
  const pre = tags(highlight.pre_tags) ?? '<em>';
  const post = tags(highlight.post_tags) ?? '</em>';
  const format = highlight.encoder === 'html' ? 'html' : 'text';
  return Object.fromEntries(
    Object.keys(isObject(highlight.fields) ? highlight.fields : {}).map((field) => [
      field,
      { format, pre_tag: pre, post_tag: post },
    ]),
  );
}

/** Fields whose highlight is kept even when nothing in them matched (`no_match_size`). */
export function fieldsShownWithoutMatch(highlight: unknown): Set<string> {
  if (!isObject(highlight) || !isObject(highlight.fields)) return new Set();
  const fields = highlight.fields;
  return new Set(
    Object.keys(fields).filter((field) => {
      const options = fields[field];
      return (
        Number((isObject(options) && options.no_match_size) ?? highlight.no_match_size ?? 0) > 0
      );
    }),
  );
}

const nonNegative = (value: unknown, fallback: number, name: string): number => {
  if (value === undefined) return fallback;
  const number = Number(value);
  if (!Number.isInteger(number) || number < 0)
    throw parsingError(`[${name}] must be a non-negative integer`);
  return number;
};

/** A `_search` body as a request to the local engine. */
export function engineRequestOf(body: Json): EngineSearchRequest {
  if (body.search_after !== undefined)
    throw parsingError('the local endpoint pages with from only');
  const { text, filter } = translateQuery(body.query);
  const size = nonNegative(body.size, 10, 'size');
  const start = nonNegative(body.from, 0, 'from');
  if (start + size > 10_000) {
    throw parsingError(
      'Result window is too large, from + size must be less than or equal to: [10000]',
    );
  }
  return {
    ...(text
      ? {
          q: text.text,
          parser: 'simple' as const,
          queryOptions: {
            fields: text.fields.map((field) => {
              const [name = '', boost] = field.split('^');
              return boost === undefined ? fieldOf(name) : `${fieldOf(name)}^${boost}`;
            }),
            defaultOperator: text.operator,
          },
        }
      : { q: 'matchall', parser: 'structured' as const, queryOptions: {} }),
    ...(filter.length > 0 && { filter: { kind: 'and' as const, operands: filter } }),
    ...(sortOf(body.sort) !== undefined && { sort: sortOf(body.sort) }),
    size,
    start,
    returnFields: ['_score'],
    highlights: highlightsOf(body.highlight),
  };
}
