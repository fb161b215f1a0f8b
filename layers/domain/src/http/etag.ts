import { BadRequestError, PreconditionFailedError } from '../errors';

/** What an `If-Match` header asks for: any current version, or one of the listed ones. */
export type VersionPrecondition = { kind: 'any' } | { kind: 'versions'; versions: number[] };

export function etagOf(version: number): string {
  return `"${version}"`;
}

const ENTITY_TAG = /^(?:W\/)?"([\x21\x23-\x7e]*)"$/;

/**
 * Parses `If-Match`. Our ETags are strong, but a weak `W/"3"` is read as
 * version 3: an intermediary may have weakened the tag and the version is
 * still exact, so refusing it would only force a pointless refetch.
 * Tags that are not versions of ours can never match. Returns undefined when
 * the header is absent.
 */
export function parseIfMatch(header: string | null | undefined): VersionPrecondition | undefined {
  if (header === null || header === undefined || header.trim() === '') return undefined;
  if (header.trim() === '*') return { kind: 'any' };
  const versions: number[] = [];
  for (const part of header.split(',')) {
    const match = ENTITY_TAG.exec(part.trim());
    if (!match) throw new BadRequestError('If-Match must be "*" or a list of entity tags.');
    const tag = match[1] ?? '';
    // Only the exact text etagOf writes: "01" is another tag than "1" (RFC 9110 strong comparison).
    if (/^(?:0|[1-9]\d{0,14})$/.test(tag)) versions.push(Number(tag));
  }
  return { kind: 'versions', versions };
}

/** Throws 412 unless the current version satisfies the precondition (absent means no precondition). */
export function assertPrecondition(
  precondition: VersionPrecondition | undefined,
  currentVersion: number,
): void {
  if (precondition === undefined || precondition.kind === 'any') return;
  if (!precondition.versions.includes(currentVersion)) {
    throw new PreconditionFailedError(
      `The resource is at version ${currentVersion}; If-Match did not match it.`,
    );
  }
}
