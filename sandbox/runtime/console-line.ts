// How one line of a function's output reads on the sandbox console: a
// Powertools JSON log line as `LEVEL message (request id)`, other text as is.

interface LogLine {
  level?: unknown;
  message?: unknown;
  function_request_id?: unknown;
  correlation_id?: unknown;
  _aws?: unknown;
  error?: { message?: unknown };
}

function parsed(text: string): LogLine | undefined {
  if (!text.startsWith('{')) return undefined;
  try {
    const value = JSON.parse(text) as unknown;
    return typeof value === 'object' && value !== null ? (value as LogLine) : undefined;
  } catch {
    return undefined;
  }
}

/** The console's version of a line, or undefined when only the log file keeps it. */
export function consoleLineOf(text: string, verbose: boolean): string | undefined {
  if (verbose) return text;
  // Powertools writes `_aws` first in each metric document: one per invocation,
  // so it is known without parsing it.
  if (text.startsWith('{"_aws":')) return undefined;
  const log = parsed(text);
  if (!log) return text;
  if (log._aws !== undefined) return undefined; // an EMF metric document
  if (typeof log.level !== 'string' || typeof log.message !== 'string') return text;
  if (log.level === 'DEBUG' || log.level === 'TRACE') return undefined;
  const requestId = log.function_request_id ?? log.correlation_id;
  const error = typeof log.error?.message === 'string' ? `: ${log.error.message}` : '';
  return `${log.level} ${log.message}${error}${typeof requestId === 'string' ? ` (${requestId})` : ''}`;
}
