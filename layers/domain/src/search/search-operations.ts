import { createHash } from 'node:crypto';
import type { CursorCodec } from '../pagination/cursor';
import type { SearchHit, SearchIndex } from './search-index';
import type { SearchParameters } from './search-parameters';

export interface SearchPage {
  items: SearchHit[];
  total: number;
  nextCursor: string | null;
}

/** CloudSearch pages with `start` only within the first 10,000 hits. */
export const MAX_SEARCH_DEPTH = 10_000;

/** A cursor continues only the search it came from: same caller, same q and filters. */
function listingOf(parameters: SearchParameters): string {
  const digest = createHash('sha256')
    .update(JSON.stringify([parameters.text, parameters.tags, parameters.ownerId ?? null]))
    .digest('base64url')
    .slice(0, 22);
  return `search:${digest}`;
}

export class SearchOperations {
  constructor(
    private readonly index: SearchIndex,
    private readonly cursors: CursorCodec,
  ) {}

  async search(viewerId: string, parameters: SearchParameters): Promise<SearchPage> {
    return this.run({ viewerId, cursorOwner: viewerId }, parameters);
  }

  /** Public items only, for a guest; its cursors continue only for the same guest identity. */
  async searchPublic(guestId: string, parameters: SearchParameters): Promise<SearchPage> {
    return this.run({ viewerId: null, cursorOwner: guestId }, parameters);
  }

  private async run(
    { viewerId, cursorOwner }: { viewerId: string | null; cursorOwner: string },
    parameters: SearchParameters,
  ): Promise<SearchPage> {
    const scope = { userId: cursorOwner, listing: listingOf(parameters) };
    const start =
      parameters.cursor === undefined
        ? 0
        : Number((await this.cursors.decode(parameters.cursor, scope)).start ?? 0);
    const size = Math.min(parameters.limit, MAX_SEARCH_DEPTH - start);
    const { hits, found } =
      size > 0
        ? await this.index.search({
            viewerId,
            text: parameters.text,
            tags: parameters.tags,
            ...(parameters.ownerId !== undefined && { ownerId: parameters.ownerId }),
            size,
            start,
          })
        : { hits: [], found: 0 };
    const next = start + hits.length;
    const more = hits.length > 0 && next < found && next < MAX_SEARCH_DEPTH;
    return {
      items: hits,
      total: found,
      nextCursor: more ? await this.cursors.encode({ start: String(next) }, scope) : null,
    };
  }
}
