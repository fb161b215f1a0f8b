// The search domain's data and queries, in memory, on MiniSearch (chosen by
// measurement: correct with filters and fast to update; see LOCAL-NOTES).
// Filters (`fq`, or a parsed filter) are evaluated per document inside the search, before any
// sorting and paging, as CloudSearch does.
import MiniSearch from 'minisearch';
import type { SearchIndexField } from '../../layers/domain/src/search/search-index-fields';
import { highlight, type HighlightOptions } from './highlight';
import {
  matchesStructured,
  parseStructuredQuery,
  QuerySyntaxError,
  type StoredFields,
  type StructuredQuery,
} from './structured-query';

export { QuerySyntaxError };

export type BatchOperation =
  { type: 'add'; id: string; fields: Record<string, unknown> } | { type: 'delete'; id: string };

export class DocumentError extends Error {
  override readonly name = 'DocumentError';
}

export interface EngineSearchRequest {
  q: string;
  parser: 'simple' | 'structured';
  /** `fields` (with ^boosts) and `defaultOperator` of `q.options`. */
  queryOptions: { fields?: string[]; defaultOperator?: 'and' | 'or' };
  fq?: string;
  /** The filter as a parsed tree, for callers that do not speak the structured syntax (OpenSearch routes). */
  filter?: StructuredQuery;
  sort?: string;
  size: number;
  start: number;
  returnFields: string[];
  highlights: Record<string, HighlightOptions>;
}

export interface EngineHit {
  id: string;
  fields: Record<string, string[]>;
  highlights?: Record<string, string>;
}

export interface EngineResult {
  found: number;
  start: number;
  hits: EngineHit[];
}

const DOCUMENT_ID = /^[A-Za-z0-9_\-=#;:/?@&]{1,128}$/;
// The simple parser's operator characters; the local engine reads them as separators.
const SIMPLE_SEPARATORS = /[+\-|"*()~\\\s]+/;

export class SearchEngine {
  private readonly documents = new Map<string, StoredFields>();
  private readonly fields: Map<string, SearchIndexField>;
  private readonly textFields: string[];
  private readonly index: MiniSearch<{ id: string }>;

  constructor(fields: readonly SearchIndexField[]) {
    this.fields = new Map(fields.map((field) => [field.name, field]));
    this.textFields = fields
      .filter((field) => field.type === 'text' || field.type === 'literal-array')
      .map((field) => field.name);
    this.index = new MiniSearch({
      fields: this.textFields,
      extractField: (document, field) => {
        if (field === 'id') return document.id;
        const value = this.documents.get(document.id)?.[field];
        return Array.isArray(value) ? value.join(' ') : (value ?? '');
      },
    });
  }

  get size(): number {
    return this.documents.size;
  }

  /** Validates the whole batch first: CloudSearch applies none of a batch it rejects. */
  apply(operations: BatchOperation[]): { adds: number; deletes: number } {
    const checked = operations.map((operation) => this.check(operation));
    let adds = 0;
    let deletes = 0;
    for (const operation of checked) {
      if (this.documents.has(operation.id)) this.index.discard(operation.id);
      if (operation.type === 'add') {
        this.documents.set(operation.id, operation.fields);
        this.index.add({ id: operation.id });
        adds += 1;
      } else {
        this.documents.delete(operation.id);
        deletes += 1;
      }
    }
    return { adds, deletes };
  }

  search(request: EngineSearchRequest): EngineResult {
    const filter: StructuredQuery | undefined =
      request.filter ??
      (request.fq === undefined || request.fq === ''
        ? undefined
        : parseStructuredQuery(request.fq));
    const visible = (id: string): boolean => {
      const fields = this.documents.get(id);
      return fields !== undefined && (!filter || matchesStructured(filter, fields));
    };
    let matches: { id: string; score: number }[];
    let terms = new Set<string>();
    if (request.parser === 'structured') {
      const query = parseStructuredQuery(request.q);
      matches = [...this.documents.entries()]
        .filter(([id, fields]) => matchesStructured(query, fields) && visible(id))
        .map(([id]) => ({ id, score: 0 }));
    } else {
      const words = request.q.split(SIMPLE_SEPARATORS).filter((word) => word !== '');
      terms = new Set(words.map((word) => word.toLowerCase()));
      const { fields, boost } = this.queryFields(request.queryOptions.fields);
      matches = this.index
        .search(words.join(' '), {
          fields,
          boost,
          combineWith: request.queryOptions.defaultOperator === 'or' ? 'OR' : 'AND',
          filter: (result) => visible(String(result.id)),
        })
        .map((result) => ({ id: String(result.id), score: result.score }));
    }
    this.sort(matches, request.sort ?? '_score desc');
    const page = matches.slice(request.start, request.start + request.size);
    return {
      found: matches.length,
      start: request.start,
      hits: page.map(({ id, score }) => this.hitOf(id, score, request, terms)),
    };
  }

  private queryFields(requested: string[] | undefined): {
    fields: string[];
    boost: Record<string, number>;
  } {
    const fields: string[] = [];
    const boost: Record<string, number> = {};
    for (const entry of requested ?? this.textFields) {
      const [name = '', weight] = entry.split('^');
      if (!this.textFields.includes(name))
        throw new QuerySyntaxError(`Field ${name} cannot be searched`);
      fields.push(name);
      if (weight !== undefined) boost[name] = Number(weight);
    }
    return { fields, boost };
  }

  private sort(matches: { id: string; score: number }[], sort: string): void {
    const keys = sort.split(',').map((part) => {
      const [field = '', direction = 'asc'] = part.trim().split(/\s+/);
      if (field !== '_score' && !this.fields.get(field)?.sort) {
        throw new QuerySyntaxError(`Field ${field} is not sortable`);
      }
      if (direction !== 'asc' && direction !== 'desc') {
        throw new QuerySyntaxError(`Sort direction must be asc or desc`);
      }
      return { field, factor: direction === 'desc' ? -1 : 1 };
    });
    const valueOf = (match: { id: string; score: number }, field: string): number | string => {
      if (field === '_score') return match.score;
      const value = this.documents.get(match.id)?.[field];
      const text = Array.isArray(value) ? (value[0] ?? '') : (value ?? '');
      return this.fields.get(field)?.type === 'int' ? Number(text) : text;
    };
    matches.sort((a, b) => {
      for (const { field, factor } of keys) {
        const x = valueOf(a, field);
        const y = valueOf(b, field);
        if (x < y) return -factor;
        if (x > y) return factor;
      }
      return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
    });
  }

  private hitOf(
    id: string,
    score: number,
    request: EngineSearchRequest,
    terms: ReadonlySet<string>,
  ): EngineHit {
    const stored = this.documents.get(id) ?? {};
    const fields: Record<string, string[]> = {};
    const wanted = request.returnFields.includes('_all_fields')
      ? [...this.fields.values()].filter((field) => field.return).map((field) => field.name)
      : request.returnFields;
    for (const name of wanted) {
      if (name === '_score') {
        fields._score = [String(score)];
        continue;
      }
      const value = stored[name];
      if (value !== undefined && this.fields.get(name)?.return) {
        fields[name] = Array.isArray(value) ? value : [value];
      }
    }
    const highlights: Record<string, string> = {};
    for (const [name, options] of Object.entries(request.highlights)) {
      if (!this.fields.get(name)?.highlight)
        throw new QuerySyntaxError(`Field ${name} cannot be highlighted`);
      const value = stored[name];
      highlights[name] = highlight(
        Array.isArray(value) ? value.join(' ') : (value ?? ''),
        terms,
        options,
      );
    }
    return { id, fields, ...(Object.keys(highlights).length > 0 && { highlights }) };
  }

  private check(operation: BatchOperation): BatchOperation & { fields?: StoredFields } {
    if (typeof operation.id !== 'string' || !DOCUMENT_ID.test(operation.id)) {
      throw new DocumentError(`Invalid document id: ${JSON.stringify(operation.id)}`);
    }
    if (operation.type === 'delete') return operation;
    if (operation.type !== 'add') {
      throw new DocumentError(
        `Invalid operation type: ${JSON.stringify((operation as { type: unknown }).type)}`,
      );
    }
    const fields: StoredFields = {};
    for (const [name, value] of Object.entries(operation.fields ?? {})) {
      const field = this.fields.get(name);
      if (!field)
        throw new DocumentError(`Field "${name}" is not defined in the domain's index fields`);
      fields[name] = storedValue(field, value);
    }
    return { type: 'add', id: operation.id, fields };
  }
}

function storedValue(field: SearchIndexField, value: unknown): string | string[] {
  const invalid = () =>
    new DocumentError(`Field "${field.name}" (${field.type}) cannot hold ${JSON.stringify(value)}`);
  switch (field.type) {
    case 'literal-array':
      if (Array.isArray(value) && value.every((entry) => typeof entry === 'string')) return value;
      if (typeof value === 'string') return [value];
      throw invalid();
    case 'int':
      if (typeof value === 'number' && Number.isInteger(value)) return String(value);
      throw invalid();
    case 'date':
      if (typeof value === 'string' && !Number.isNaN(Date.parse(value)) && value.endsWith('Z'))
        return value;
      throw invalid();
    default:
      if (typeof value === 'string') return value;
      throw invalid();
  }
}
