import type * as z from 'zod';
import { ValidationError } from './errors';
import type { FieldError } from './errors';

export function fieldErrorsOf(error: z.ZodError): FieldError[] {
  return error.issues.flatMap((issue): FieldError[] => {
    const path = issue.path.map(String).join('.');
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({
        path: path === '' ? key : `${path}.${key}`,
        message: 'Unknown field.',
      }));
    }
    return [{ path, message: issue.message }];
  });
}

/** Parses input with a schema; a mismatch is a 422 listing every failing field. */
export function parseWith<T extends z.ZodType>(schema: T, input: unknown): z.output<T> {
  const result = schema.safeParse(input);
  if (!result.success) throw new ValidationError(fieldErrorsOf(result.error));
  return result.data;
}
