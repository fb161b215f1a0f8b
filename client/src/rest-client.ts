// Every REST route, typed from the OpenAPI document: `request('patch',
// '/v1/items/{id}', { path: { id }, body, ifMatch })`. POSTs get an
// Idempotency-Key (one per call, the same on every retry), 429 and 5xx are
// retried (retry.ts), a 401 refreshes the tokens and is tried once more, and
// a reply outside 2xx is thrown as an ApiError.
import type { paths } from './api-types';
import { apiErrorOf } from './api-error';
import { DEFAULT_RETRY_POLICY, fetchWithRetry, type RetryPolicy } from './retry';
import type { CallOptions, HttpMethod, PathsWith, Reply } from './typed-routes';

export interface RestClientOptions {
  /** The stack's `ApiUrl` output, stage included. */
  apiUrl: string;
  /** The bearer token of each request; undefined sends none. */
  token: () => Promise<string | undefined>;
  /**
   * Called once on a 401: true when it got new tokens and the request is worth
   * sending again. Every method is: the authorizer answers 401 before any
   * function runs, and a POST sent again carries the same Idempotency-Key.
   */
  refreshToken?: () => Promise<boolean>;
  fetch?: typeof fetch;
  retry?: Partial<RetryPolicy>;
}

export interface RestClient {
  request<M extends HttpMethod, P extends PathsWith<M>>(
    method: M,
    path: P,
    options?: CallOptions<P, M>,
  ): Promise<Reply<P, M>>;
}

/** `"3"` for version 3; an ETag already quoted is sent as it is. */
export function ifMatchValue(version: string | number): string {
  const text = String(version);
  return text.startsWith('"') || text.startsWith('W/') ? text : `"${text}"`;
}

export function expandPath(template: string, values: Record<string, unknown> | undefined): string {
  return template.replace(/\{([^}]+)\}/g, (_match, name: string) => {
    const value = values?.[name];
    if (value === undefined) throw new Error(`${template}: missing path parameter ${name}`);
    return encodeURIComponent(String(value));
  });
}

function queryString(query: Record<string, unknown> | undefined): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null) search.set(name, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

interface LooseOptions {
  path?: Record<string, unknown>;
  query?: Record<string, unknown>;
  body?: unknown;
  ifMatch?: string | number;
  idempotencyKey?: string;
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

function headersFor(method: HttpMethod, options: LooseOptions, token: string | undefined) {
  const headers: Record<string, string> = { Accept: 'application/json', ...options.headers };
  if (token) headers.Authorization = `Bearer ${token}`;
  if (options.body !== undefined) {
    headers['Content-Type'] =
      method === 'patch' ? 'application/merge-patch+json' : 'application/json';
  }
  if (options.ifMatch !== undefined) headers['If-Match'] = ifMatchValue(options.ifMatch);
  if (options.idempotencyKey !== undefined) headers['Idempotency-Key'] = options.idempotencyKey;
  return headers;
}

export function createRestClient(options: RestClientOptions): RestClient {
  const send = options.fetch ?? ((input, init) => fetch(input, init));
  const policy = { ...DEFAULT_RETRY_POLICY, ...options.retry };
  const base = options.apiUrl.replace(/\/$/, '');
  return {
    async request(method, path, callOptions) {
      const loose = (callOptions ?? {}) as LooseOptions;
      const url = `${base}${expandPath(path, loose.path)}${queryString(loose.query)}`;
      // One key for the first try and the try after a refresh.
      const idempotencyKey =
        method === 'post' ? (loose.idempotencyKey ?? crypto.randomUUID()) : undefined;
      const body = loose.body === undefined ? undefined : JSON.stringify(loose.body);
      const sendOnce = async () => {
        const headers = headersFor(method, { ...loose, idempotencyKey }, await options.token());
        const init = { method: method.toUpperCase(), headers, body, signal: loose.signal ?? null };
        return fetchWithRetry(() => send(url, init), policy);
      };
      let response = await sendOnce();
      if (response.status === 401 && options.refreshToken && (await options.refreshToken())) {
        await response.body?.cancel();
        response = await sendOnce();
      }
      if (!response.ok) throw await apiErrorOf(response);
      const text = await response.text();
      return {
        status: response.status,
        data: (text ? JSON.parse(text) : undefined) as Reply<typeof path, typeof method>['data'],
        etag: response.headers.get('etag') ?? undefined,
        headers: response.headers,
      };
    },
  };
}

export type { paths };
