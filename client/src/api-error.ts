// A reply outside 2xx, with the RFC 9457 problem document the API sends.
import type { Schemas } from './typed-routes';

export type Problem = Schemas['Problem'];

const PROBLEM_PREFIX = 'https://mobile-backend.dev/problems/';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly problem: Problem | undefined,
    readonly headers: Headers,
  ) {
    super(
      problem
        ? `${status} ${problem.title}${problem.detail ? `: ${problem.detail}` : ''}`
        : `HTTP ${status}`,
    );
    this.name = 'ApiError';
  }

  /** The problem type's last segment, e.g. `precondition-failed`; undefined without a problem. */
  get kind(): string | undefined {
    return this.problem?.type.startsWith(PROBLEM_PREFIX)
      ? this.problem.type.slice(PROBLEM_PREFIX.length)
      : this.problem?.type;
  }
}

export async function apiErrorOf(response: Response): Promise<ApiError> {
  const text = await response.text();
  let problem: Problem | undefined;
  try {
    const parsed = JSON.parse(text) as Partial<Problem>;
    if (typeof parsed.type === 'string' && typeof parsed.title === 'string')
      problem = parsed as Problem;
  } catch {
    // Not a problem document (a proxy's page): the status says enough.
  }
  return new ApiError(response.status, problem, response.headers);
}
