// Problem documents (RFC 9457), as http/problem.ts and the template's gateway
// responses write them, and the problem types each status may carry.
import * as z from 'zod';
import type { ZodOpenApiResponseObject } from 'zod-openapi';
import { PROBLEM_CONTENT_TYPE, PROBLEM_TYPE_BASE } from '../http/problem-type';
import { ResponseHeaders } from './headers';

/** Every problem type by name, with its status and when it happens (see docs/api.md, Errors). */
export const PROBLEM_TYPES = {
  'bad-request': { status: 400, when: 'a malformed body, parameter, cursor or header' },
  unauthorized: { status: 401, when: 'no valid token' },
  'account-deleted': {
    status: 403,
    when: 'a valid token of an account being or already deleted (every route but DELETE /v1/me)',
  },
  'not-found': { status: 404, when: 'no such route, or nothing the caller may see by this id' },
  // Answers a method the path has no operation for, so no operation lists it.
  'method-not-allowed': { status: 405, when: 'a method the path does not support; see `Allow`' },
  conflict: { status: 409, when: 'a write lost a race twice; retry' },
  'idempotency-in-progress': { status: 409, when: 'the same Idempotency-Key is still running' },
  'precondition-failed': { status: 412, when: '`If-Match` names no current version' },
  'payload-too-large': { status: 413, when: 'a body over 64 KiB, or an item over 64 KiB' },
  'unsupported-media-type': { status: 415, when: 'a body without a JSON `Content-Type`' },
  'validation-failed': { status: 422, when: 'valid JSON that breaks the schema; see `errors`' },
  'idempotency-key-reused': { status: 422, when: 'an Idempotency-Key used with another body' },
  throttled: { status: 429, when: "over the stage's rate or burst limit (gateway)" },
  'internal-error': { status: 500, when: 'an unexpected failure, logged; no details' },
  // Any 4xx API Gateway makes itself; of those, this API can meet the 403s.
  'gateway-refused': {
    status: 403,
    when: "another refusal of API Gateway (such as 403 ACCESS_DENIED), with the gateway's status",
  },
  'gateway-error': { status: 502, when: 'a failure API Gateway reports (e.g. a timeout)' },
} as const;

export type ProblemName = keyof typeof PROBLEM_TYPES;

const FieldErrorSchema = z
  .object({
    path: z.string().meta({ description: 'Dot notation (`tags.3`); `""` for the whole body' }),
    message: z.string(),
  })
  .meta({ id: 'FieldError' });

export const ProblemSchema = z
  .object({
    type: z.enum(
      Object.keys(PROBLEM_TYPES).map((name) => `${PROBLEM_TYPE_BASE}${name}`) as [
        string,
        ...string[],
      ],
    ),
    title: z.string(),
    status: z
      .number()
      .int()
      .meta({ description: 'The HTTP status; absent from `gateway-refused` and `gateway-error`' }),
    detail: z.string().meta({ description: 'For a developer; may change, do not parse it' }),
    errors: z.array(FieldErrorSchema).meta({
      description:
        '`validation-failed` only: one entry per failing field (at most 20 for the input limits)',
    }),
    requestId: z.string().meta({ description: 'The same value as `X-Request-Id`' }),
  })
  .partial({ status: true, errors: true })
  .meta({ id: 'Problem', description: 'An RFC 9457 problem document' });

/** The problem response of one status: the names it may carry, in the description. */
function problemResponse(names: readonly ProblemName[]): ZodOpenApiResponseObject {
  const listed = names.map((name) => `\`${name}\`: ${PROBLEM_TYPES[name].when}`).join('; ');
  return {
    description: listed,
    headers: ResponseHeaders,
    content: { [PROBLEM_CONTENT_TYPE]: { schema: ProblemSchema } },
  };
}

/** What every route may answer whatever it does: the gateway's refusals and an internal error. */
const EVERY_ROUTE: readonly ProblemName[] = [
  'unauthorized',
  'account-deleted',
  'throttled',
  'internal-error',
];

/**
 * The problem responses of an operation, by status, from the names of the
 * problems it raises itself; the gateway's own (401, 403, 413, 429, 5XX) are
 * added to every operation.
 */
export function problems(
  ...names: readonly ProblemName[]
): Record<string, ZodOpenApiResponseObject> {
  const byStatus = new Map<string, ProblemName[]>();
  const add = (status: string, name: ProblemName) =>
    byStatus.set(status, [...(byStatus.get(status) ?? []), name]);
  for (const name of new Set([...names, ...EVERY_ROUTE])) {
    add(String(PROBLEM_TYPES[name].status), name);
  }
  add('413', 'payload-too-large');
  // The other refusals of API Gateway that this API can meet are 403s.
  add('403', 'gateway-refused');
  add('5XX', 'gateway-error');
  return Object.fromEntries(
    [...byStatus].map(([status, listed]) => [status, problemResponse([...new Set(listed)])]),
  );
}
