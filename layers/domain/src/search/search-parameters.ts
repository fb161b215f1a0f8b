import { BadRequestError } from '../errors';
import { parseCursorParameter, parsePageSize } from '../http/request-parameters';
import { simpleQueryOf } from './search-terms';

/** `GET /v1/search` as the caller asked for it. */
export interface SearchParameters {
  text: string;
  tags: string[];
  ownerId?: string;
  limit: number;
  cursor?: string;
}

export const MAX_QUERY_LENGTH = 512;
const MAX_TAGS = 20;
const MAX_TAG_LENGTH = 40;
const MAX_OWNER_LENGTH = 128;

/** `?q=&tags=a,b&owner=&limit=&cursor=`; anything malformed is a 400. `q` may be empty when a filter is given. */
export function parseSearchParameters(query: URLSearchParams): SearchParameters {
  const text = (query.get('q') ?? '').trim();
  if (text.length > MAX_QUERY_LENGTH) {
    throw new BadRequestError(`q must be at most ${MAX_QUERY_LENGTH} characters.`);
  }
  // Tags are stored lower-cased and de-duplicated (items/item.ts); filters match them the same way.
  const tags = [
    ...new Set(
      (query.get('tags') ?? '')
        .split(',')
        .map((tag) => tag.trim().toLowerCase())
        .filter((tag) => tag !== ''),
    ),
  ];
  if (tags.length > MAX_TAGS || tags.some((tag) => tag.length > MAX_TAG_LENGTH)) {
    throw new BadRequestError(
      `tags takes at most ${MAX_TAGS} comma-separated tags of at most ${MAX_TAG_LENGTH} characters.`,
    );
  }
  const owner = (query.get('owner') ?? '').trim();
  if (owner.length > MAX_OWNER_LENGTH) {
    throw new BadRequestError(`owner must be at most ${MAX_OWNER_LENGTH} characters.`);
  }
  if (simpleQueryOf(text) === '' && tags.length === 0 && owner === '') {
    // q of operator characters alone (`*`, `"-"`) has no term, and would match everything.
    throw new BadRequestError('Give q with a word to search for, or filter with tags or owner.');
  }
  const cursor = parseCursorParameter(query.get('cursor'));
  return {
    text,
    tags,
    ...(owner !== '' && { ownerId: owner }),
    limit: parsePageSize(query.get('limit')),
    ...(cursor !== undefined && { cursor }),
  };
}
