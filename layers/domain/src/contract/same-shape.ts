import type * as z from 'zod';

type Assignable<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
/** Each assignable to the other, and the same keys: an optional field missing on one side counts. */
type Same<A, B> =
  Assignable<A, B> extends true
    ? Assignable<keyof A, keyof B> extends true
      ? true
      : false
    : false;

/**
 * The response schemas of the contract describe types the domain already has
 * (`Profile`, `Item`, ...). `describes<Profile>()(schema)` compiles only when
 * the schema's output is exactly that type, both ways, so a field added to or
 * dropped from the domain type breaks the build until the contract follows.
 */
export function describes<T>() {
  // A mismatch asks for one more argument, of type never: no call can give it.
  return <S extends z.ZodType>(
    schema: S,
    ...mismatch: Same<z.output<S>, T> extends true ? [] : [never]
  ): S => {
    void mismatch;
    return schema;
  };
}
