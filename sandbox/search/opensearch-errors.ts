// Errors as OpenSearch answers them: `{"error": {"type", "reason", ...}, "status"}`.

export class OpenSearchError extends Error {
  override readonly name = 'OpenSearchError';

  constructor(
    readonly status: number,
    readonly type: string,
    reason: string,
  ) {
    super(reason);
  }

  get body(): Record<string, unknown> {
    const cause = { type: this.type, reason: this.message };
    return { error: { root_cause: [cause], ...cause }, status: this.status };
  }
}

export const parsingError = (reason: string) =>
  new OpenSearchError(400, 'parsing_exception', reason);

export const indexNotFound = (index: string) =>
  new OpenSearchError(404, 'index_not_found_exception', `no such index [${index}]`);
