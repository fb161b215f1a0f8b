// The types of every REST route, read from the generated api-types.ts: which
// paths a method has, their path and query parameters, the JSON body they
// take and the JSON body of their success replies. Types only: nothing here
// runs.
import type { components, paths } from './api-types';

export type Schemas = components['schemas'];
export type HttpMethod = 'get' | 'post' | 'patch' | 'delete';

/** The paths that have an operation for this method. */
export type PathsWith<M extends HttpMethod> = {
  [P in keyof paths]: paths[P][M] extends undefined ? never : P;
}[keyof paths];

type Operation<P extends keyof paths, M extends HttpMethod> = NonNullable<paths[P][M]>;
type ParametersOf<O> = O extends { parameters: infer Parameters } ? Parameters : never;

type PathParameters<O> = ParametersOf<O> extends { path: infer Path } ? Path : undefined;
type QueryParameters<O> = ParametersOf<O> extends { query?: infer Query } ? Query : undefined;
// Every body of this API is required; GETs and DELETEs have none.
type JsonBodyOf<O> = O extends { requestBody: { content: { 'application/json': infer Body } } }
  ? Body
  : undefined;

type SuccessStatus = 200 | 201 | 202 | 204;
type JsonContentOf<R> = R extends { content: { 'application/json': infer Body } }
  ? Body
  : undefined;
type SuccessBodyOf<O> = O extends { responses: infer Responses }
  ? { [S in keyof Responses & SuccessStatus]: JsonContentOf<Responses[S]> }[keyof Responses &
      SuccessStatus]
  : never;

/** Options a call takes; only the parts its operation has are allowed. */
export type CallOptions<P extends keyof paths, M extends HttpMethod> = {
  query?: QueryParameters<Operation<P, M>>;
  /** Sent as `If-Match` (a number is quoted as the API's ETags are). */
  ifMatch?: string | number;
  /** POST only: sent instead of a generated `Idempotency-Key`. */
  idempotencyKey?: string;
  headers?: Record<string, string>;
  signal?: AbortSignal;
} & (PathParameters<Operation<P, M>> extends undefined
  ? { path?: undefined }
  : { path: PathParameters<Operation<P, M>> }) &
  (JsonBodyOf<Operation<P, M>> extends undefined
    ? { body?: undefined }
    : { body: JsonBodyOf<Operation<P, M>> });

/** A success reply: its status, its body (undefined for 204) and its ETag if any. */
export interface Reply<P extends keyof paths, M extends HttpMethod> {
  status: number;
  data: SuccessBodyOf<Operation<P, M>>;
  /** The ETag header as sent, quotes included; pass it back as `ifMatch`. */
  etag: string | undefined;
  headers: Headers;
}
