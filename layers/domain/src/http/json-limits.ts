import type { FieldError } from '../errors';

/**
 * What a request body may hold so that DynamoDB stores it exactly and reads it
 * back unchanged. DynamoDB nests at most 32 levels, counted from the item; an
 * item's `data` sits one level below the body, so 24 leaves room for that and
 * for the maps a store may wrap around a value.
 */
export const MAX_JSON_DEPTH = 24;
/** DynamoDB's smallest non-zero magnitude; fractions below it are refused, not rounded to 0. */
export const MIN_NUMBER_MAGNITUDE = 1e-130;

/** Keys that a JavaScript object cannot hold as plain data. */
const RESERVED_KEYS = new Set(['__proto__']);

interface Pending {
  value: unknown;
  path: string[];
  depth: number;
}

function numberProblem(value: number): string | undefined {
  // JSON.parse reads 1e400 as Infinity, which no store can keep.
  if (!Number.isFinite(value)) return 'Numbers must be finite.';
  if (Number.isInteger(value)) {
    return Number.isSafeInteger(value)
      ? undefined
      : `Integers must lie within ±${Number.MAX_SAFE_INTEGER} to be stored exactly.`;
  }
  // A double that is not an integer is below 2^53, so only the small end can fail.
  return Math.abs(value) < MIN_NUMBER_MAGNITUDE
    ? `Numbers other than 0 must be at least ${MIN_NUMBER_MAGNITUDE} in magnitude.`
    : undefined;
}

/**
 * Text every downstream service can carry: no lone surrogate (UTF-8 cannot
 * encode one, so a store would silently replace it), and neither U+FFFE nor
 * U+FFFF, which SQS refuses in a message.
 */
function textProblem(value: string): string | undefined {
  if (/\p{Surrogate}/u.test(value)) return 'Text must be well-formed Unicode (no lone surrogates).';
  if (/[\uFFFE\uFFFF]/.test(value)) return 'Text must not contain U+FFFE or U+FFFF.';
  return undefined;
}

function keyProblem(key: string): string | undefined {
  if (key === '') return 'Object keys must not be empty.';
  if (RESERVED_KEYS.has(key)) return `"${key}" cannot be used as a key.`;
  return textProblem(key);
}

/**
 * The values of a parsed JSON body that cannot be stored faithfully, in dot
 * paths like the schemas' (`data.n.0`). Walks with an explicit stack: a body
 * nested thousands of levels deep must be refused, not overflow the call stack.
 */
export function jsonLimitErrors(body: unknown, maxErrors = 20): FieldError[] {
  const errors: FieldError[] = [];
  const stack: Pending[] = [{ value: body, path: [], depth: 0 }];
  while (stack.length > 0 && errors.length < maxErrors) {
    const { value, path, depth } = stack.pop() as Pending;
    const at = path.join('.');
    if (typeof value === 'number' || typeof value === 'string') {
      const message = typeof value === 'number' ? numberProblem(value) : textProblem(value);
      if (message) errors.push({ path: at, message });
      continue;
    }
    if (value === null || typeof value !== 'object') continue;
    if (depth >= MAX_JSON_DEPTH) {
      errors.push({ path: at, message: `JSON may nest at most ${MAX_JSON_DEPTH} levels.` });
      continue;
    }
    for (const [key, child] of Object.entries(value)) {
      const childPath = [...path, key];
      const message = Array.isArray(value) ? undefined : keyProblem(key);
      if (message) errors.push({ path: childPath.join('.'), message });
      else stack.push({ value: child, path: childPath, depth: depth + 1 });
    }
  }
  return errors;
}
