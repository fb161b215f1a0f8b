// CloudSearch's structured query language, the part the adapter sends (and a
// little more): `matchall`, `(and ...)`, `(or ...)`, `(not ...)`,
// `(term field=F 'value')`, `(prefix field=F 'value')` and `field:'value'`.
// Parsed into a tree and evaluated per document, so `fq` filters inside the
// engine before any paging. Anything else is a syntax error, as on AWS.

export type StructuredQuery =
  | { kind: 'matchall' }
  | { kind: 'and' | 'or'; operands: StructuredQuery[] }
  | { kind: 'not'; operand: StructuredQuery }
  | { kind: 'term' | 'prefix'; field: string; value: string };

export class QuerySyntaxError extends Error {
  override readonly name = 'QuerySyntaxError';
}

type Token =
  { type: '(' | ')' } | { type: 'string'; value: string } | { type: 'word'; value: string };

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const char = text[i] as string;
    if (/\s/.test(char)) {
      i += 1;
    } else if (char === '(' || char === ')') {
      tokens.push({ type: char });
      i += 1;
    } else if (char === "'") {
      let value = '';
      i += 1;
      for (;;) {
        if (i >= text.length) throw new QuerySyntaxError('Unterminated string literal');
        const next = text[i] as string;
        if (next === '\\') {
          if (i + 1 >= text.length) throw new QuerySyntaxError('Dangling escape');
          value += text[i + 1];
          i += 2;
        } else if (next === "'") {
          i += 1;
          break;
        } else {
          value += next;
          i += 1;
        }
      }
      tokens.push({ type: 'string', value });
    } else {
      // A bare word up to whitespace, a parenthesis or a quote: `matchall`, `and`, `field=x`, `x:`.
      let word = '';
      while (i < text.length && !/[\s()']/.test(text[i] as string)) {
        word += text[i];
        i += 1;
      }
      tokens.push({ type: 'word', value: word });
    }
  }
  return tokens;
}

const FIELD = /^[a-z][a-z0-9_]*$/;

export function parseStructuredQuery(text: string): StructuredQuery {
  const tokens = tokenize(text);
  let position = 0;
  const peek = (): Token | undefined => tokens[position];
  const take = (): Token => {
    const token = tokens[position];
    if (!token) throw new QuerySyntaxError('Unexpected end of query');
    position += 1;
    return token;
  };
  const expectString = (): string => {
    const token = take();
    if (token.type !== 'string') throw new QuerySyntaxError('Expected a quoted value');
    return token.value;
  };

  const expression = (): StructuredQuery => {
    const token = take();
    if (token.type === 'word') {
      if (token.value === 'matchall') return { kind: 'matchall' };
      // field:'value'
      const match = /^([a-z][a-z0-9_]*):$/.exec(token.value);
      if (match) return { kind: 'term', field: match[1] as string, value: expectString() };
      throw new QuerySyntaxError(`Unexpected "${token.value}"`);
    }
    if (token.type !== '(') throw new QuerySyntaxError('Expected an expression');
    const operator = take();
    if (operator.type !== 'word') throw new QuerySyntaxError('Expected an operator');
    let result: StructuredQuery;
    switch (operator.value) {
      case 'and':
      case 'or': {
        const operands: StructuredQuery[] = [];
        while (peek() && peek()?.type !== ')') operands.push(expression());
        if (operands.length === 0) throw new QuerySyntaxError(`(${operator.value}) needs operands`);
        result = { kind: operator.value, operands };
        break;
      }
      case 'not':
        result = { kind: 'not', operand: expression() };
        break;
      case 'term':
      case 'prefix': {
        const option = take();
        const field =
          option.type === 'word' && option.value.startsWith('field=')
            ? option.value.slice('field='.length)
            : undefined;
        if (field === undefined || !FIELD.test(field)) {
          throw new QuerySyntaxError(`(${operator.value}) needs field=NAME`);
        }
        result = { kind: operator.value, field, value: expectString() };
        break;
      }
      default:
        throw new QuerySyntaxError(`Unknown operator "${operator.value}"`);
    }
    if (take().type !== ')') throw new QuerySyntaxError('Expected ")"');
    return result;
  };

  const query = expression();
  if (position !== tokens.length) throw new QuerySyntaxError('Unexpected text after the query');
  return query;
}

/** Field values as the engine stores them: one string or a list of strings. */
export type StoredFields = Record<string, string | string[]>;

function valuesOf(fields: StoredFields, field: string): string[] {
  const value = fields[field];
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}

export function matchesStructured(query: StructuredQuery, fields: StoredFields): boolean {
  switch (query.kind) {
    case 'matchall':
      return true;
    case 'and':
      return query.operands.every((operand) => matchesStructured(operand, fields));
    case 'or':
      return query.operands.some((operand) => matchesStructured(operand, fields));
    case 'not':
      return !matchesStructured(query.operand, fields);
    case 'term':
      return valuesOf(fields, query.field).includes(query.value);
    case 'prefix':
      return valuesOf(fields, query.field).some((value) => value.startsWith(query.value));
  }
}
