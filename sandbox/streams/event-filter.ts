// Lambda event filtering (FilterCriteria) for stream records: a record goes
// to the function when ANY pattern matches; within a pattern every key must
// match; a leaf is a list of rules of which one must match. Supported rules:
// exact values (string, number, boolean, null), prefix, suffix,
// equals-ignore-case, exists, anything-but (values or a prefix) and numeric.

export type FilterPattern = Record<string, unknown>;

export class FilterPatternError extends Error {
  override readonly name = 'FilterPatternError';
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Parses the template's `FilterCriteria.Filters[].Pattern` JSON strings. */
export function parseFilterPatterns(filters: unknown): FilterPattern[] {
  if (filters === undefined) return [];
  if (!Array.isArray(filters))
    throw new FilterPatternError('FilterCriteria.Filters must be a list');
  return filters.map((filter, index) => {
    const text = isObject(filter) ? filter.Pattern : undefined;
    if (typeof text !== 'string')
      throw new FilterPatternError(`Filters[${index}].Pattern must be a JSON string`);
    let pattern: unknown;
    try {
      pattern = JSON.parse(text);
    } catch {
      throw new FilterPatternError(`Filters[${index}].Pattern is not valid JSON: ${text}`);
    }
    if (!isObject(pattern))
      throw new FilterPatternError(`Filters[${index}].Pattern must be a JSON object`);
    return pattern;
  });
}

/** True when there are no patterns or any of them matches the record. */
export function matchesFilters(patterns: readonly FilterPattern[], record: unknown): boolean {
  return patterns.length === 0 || patterns.some((pattern) => matchesPattern(pattern, record));
}

export function matchesPattern(pattern: FilterPattern, value: unknown): boolean {
  const fields = isObject(value) ? value : {};
  return Object.entries(pattern).every(([key, rule]) => {
    const field = fields[key];
    if (Array.isArray(rule)) return rule.some((entry) => matchesRule(entry, field));
    if (isObject(rule)) return matchesPattern(rule, field);
    throw new FilterPatternError(`The rule for "${key}" must be a list or an object`);
  });
}

function valuesOf(field: unknown): unknown[] {
  if (field === undefined) return [];
  return Array.isArray(field) ? field : [field];
}

function matchesRule(rule: unknown, field: unknown): boolean {
  const values = valuesOf(field);
  if (!isObject(rule)) return values.some((value) => value === rule);
  const [operator, operand, ...rest] = Object.entries(rule).flat();
  if (rest.length > 0)
    throw new FilterPatternError(`One operator per rule: ${JSON.stringify(rule)}`);
  switch (operator) {
    case 'exists':
      return operand === (field !== undefined);
    case 'prefix':
      return values.some((value) => typeof value === 'string' && value.startsWith(String(operand)));
    case 'suffix':
      return values.some((value) => typeof value === 'string' && value.endsWith(String(operand)));
    case 'equals-ignore-case':
      return values.some(
        (value) =>
          typeof value === 'string' && value.toLowerCase() === String(operand).toLowerCase(),
      );
    case 'anything-but':
      return values.length > 0 && values.every((value) => !excluded(operand, value));
    case 'numeric':
      return values.some((value) => typeof value === 'number' && numericMatch(operand, value));
    default:
      throw new FilterPatternError(`Unsupported filter rule: ${JSON.stringify(rule)}`);
  }
}

function excluded(operand: unknown, value: unknown): boolean {
  if (Array.isArray(operand)) return operand.includes(value);
  if (isObject(operand) && typeof operand.prefix === 'string') {
    return typeof value === 'string' && value.startsWith(operand.prefix);
  }
  return operand === value;
}

function numericMatch(operand: unknown, value: number): boolean {
  if (!Array.isArray(operand) || operand.length % 2 !== 0) {
    throw new FilterPatternError(`numeric takes operator/number pairs: ${JSON.stringify(operand)}`);
  }
  for (let i = 0; i < operand.length; i += 2) {
    const [operator, bound] = [operand[i], Number(operand[i + 1])];
    const ok =
      operator === '='
        ? value === bound
        : operator === '<'
          ? value < bound
          : operator === '<='
            ? value <= bound
            : operator === '>'
              ? value > bound
              : operator === '>='
                ? value >= bound
                : undefined;
    if (ok === undefined)
      throw new FilterPatternError(`Unknown numeric operator ${String(operator)}`);
    if (!ok) return false;
  }
  return true;
}
