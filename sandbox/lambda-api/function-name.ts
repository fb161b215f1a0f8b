// Lambda accepts a function as a name, a partial ARN (`123456789012:function:name`)
// or a full ARN, each optionally with a `:qualifier`.

export function functionNameOf(identifier: string): string {
  const parts = identifier.split(':');
  if (parts[0] === 'arn') return parts[6] ?? '';
  const marker = parts.indexOf('function');
  if (marker >= 0) return parts[marker + 1] ?? '';
  return parts[0] ?? '';
}
