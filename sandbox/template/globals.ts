import { isRecord } from './template-document';

// An intrinsic function is a value, not a map to merge into.
function isIntrinsic(value: Record<string, unknown>): boolean {
  const keys = Object.keys(value);
  return keys.length === 1 && (keys[0] === 'Ref' || keys[0]?.startsWith('Fn::') === true);
}

/**
 * SAM's Globals semantics: maps merge (the resource wins on conflicts), lists concatenate
 * (globals first), anything else is taken from the resource when it sets it.
 */
export function mergeGlobals(globals: unknown, own: unknown): unknown {
  if (own === undefined) return globals;
  if (globals === undefined) return own;
  if (Array.isArray(globals) && Array.isArray(own)) return [...globals, ...own];
  if (isRecord(globals) && isRecord(own) && !isIntrinsic(globals) && !isIntrinsic(own)) {
    const merged: Record<string, unknown> = { ...globals };
    for (const [key, value] of Object.entries(own)) merged[key] = mergeGlobals(globals[key], value);
    return merged;
  }
  return own;
}
