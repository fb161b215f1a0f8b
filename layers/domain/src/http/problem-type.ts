// The problem document's media type and type URIs, on their own so that the
// API contract (and the sandbox that serves it) can name them without loading
// the error mapping and, through it, the functions' Powertools instances.

/** Same base as the gateway's own problem responses in template.yaml. */
export const PROBLEM_TYPE_BASE = 'https://mobile-backend.dev/problems/';
export const PROBLEM_CONTENT_TYPE = 'application/problem+json';
