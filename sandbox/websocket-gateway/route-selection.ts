// Route selection as API Gateway does it for `$request.body.<path>`: a JSON
// text frame whose selected value names a route goes there; everything else
// (other values, non-JSON, binary frames) goes to `$default`.

const RESERVED = new Set(['$connect', '$disconnect', '$default']);

export function selectRoute(
  expression: string,
  routeKeys: Iterable<string>,
  frame: { data: Buffer; isBinary: boolean },
): string {
  const path = /^\$request\.body\.(.+)$/.exec(expression)?.[1];
  if (!path || frame.isBinary) return '$default';
  let value: unknown;
  try {
    value = JSON.parse(frame.data.toString('utf8'));
  } catch {
    return '$default';
  }
  for (const key of path.split('.')) {
    value =
      typeof value === 'object' && value !== null
        ? (value as Record<string, unknown>)[key]
        : undefined;
  }
  if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') {
    return '$default';
  }
  const selected = String(value);
  return !RESERVED.has(selected) && [...routeKeys].includes(selected) ? selected : '$default';
}
