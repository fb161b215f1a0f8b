import { describe, expect, it } from '@jest/globals';
import { z } from 'zod';
import { ValidationError } from '../../../layers/domain/src/errors';
import { parseWith } from '../../../layers/domain/src/validation';

const Settings = z.strictObject({
  name: z.string(),
  push: z.strictObject({ enabled: z.boolean() }),
});

function errorsOf(input: unknown) {
  try {
    parseWith(Settings, input);
  } catch (error) {
    if (error instanceof ValidationError) return error.errors;
    throw error;
  }
  throw new Error('parseWith accepted the input');
}

describe('parsing input with a schema', () => {
  it('returns the parsed value when it fits', () => {
    const input = { name: 'a', push: { enabled: true } };

    expect(parseWith(Settings, input)).toEqual(input);
  });

  it('names an unknown field at the top by its key alone', () => {
    const errors = errorsOf({ name: 'a', push: { enabled: true }, admin: true });

    expect(errors).toEqual([{ path: 'admin', message: 'Unknown field.' }]);
  });

  it('names an unknown nested field by its dot path, one error per field', () => {
    const errors = errorsOf({ name: 'a', push: { enabled: true, sound: 'x', badge: 1 } });

    expect(errors).toEqual([
      { path: 'push.sound', message: 'Unknown field.' },
      { path: 'push.badge', message: 'Unknown field.' },
    ]);
  });

  it('names every failing field by its dot path, with what is wrong', () => {
    const errors = errorsOf({ name: 1, push: { enabled: 'yes' } });

    expect(errors).toEqual([
      { path: 'name', message: expect.stringContaining('expected string') },
      { path: 'push.enabled', message: expect.stringContaining('expected boolean') },
    ]);
  });
});
