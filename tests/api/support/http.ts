import { assertMatchesContract } from './contract';
import { sandboxOutputs } from './outputs';

export interface ApiReply {
  status: number;
  headers: Headers;
  text: string;
  // Tests read fields of whatever JSON came back.
  json: Record<string, unknown> & { items?: Record<string, unknown>[] };
}

export interface CallOptions {
  token?: string;
  body?: unknown;
  /** A raw body, sent as is (for malformed JSON and wrong content types). */
  rawBody?: string;
  headers?: Record<string, string>;
}

/**
 * One HTTP call to the sandbox's REST API, e.g. `call('GET', '/v1/me', { token })`.
 * Every reply is checked against docs/openapi.json (support/contract.ts).
 */
export async function call(
  method: string,
  path: string,
  options: CallOptions = {},
): Promise<ApiReply> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token) headers.Authorization = `Bearer ${options.token}`;
  let body: string | undefined = options.rawBody;
  if (options.body !== undefined) {
    body = JSON.stringify(options.body);
    headers['Content-Type'] ??= 'application/json';
  }
  const response = await fetch(`${sandboxOutputs().ApiUrl}${path}`, { method, headers, body });
  const text = await response.text();
  let json = {};
  try {
    json = text ? JSON.parse(text) : {};
  } catch {
    // Not JSON: tests that care look at `text`.
  }
  const reply = { status: response.status, headers: response.headers, text, json };
  assertMatchesContract(method, path, reply);
  return reply;
}

/** Polls until `check` passes or the time is up; returns the last value. */
export async function eventually<T>(
  probe: () => Promise<T>,
  check: (value: T) => boolean,
  ms = 5000,
): Promise<T> {
  const deadline = Date.now() + ms;
  let value = await probe();
  while (!check(value) && Date.now() < deadline) {
    await new Promise((done) => setTimeout(done, 100));
    value = await probe();
  }
  return value;
}
