import { monotonicFactory } from 'ulid';
import { isUlid } from '../ulid';
import { NotFoundError } from '../errors';
import { assertPrecondition } from '../http/etag';
import type { VersionPrecondition } from '../http/etag';
import { noMediaReferences } from '../media-references';
import type { MediaReferences } from '../media-references';
import type { CursorCodec } from '../pagination/cursor';
import { withOneRetryOnStaleVersion } from '../retry';
import { applyItemPatch, assertItemFits, contentOf, isVisibleTo, parseNewItem } from './item';
import type { Item } from './item';
import type { ItemStore } from './item-store';

export interface ItemOperationsOptions {
  now?: () => Date;
  /** Monotonic by default, so that items created within one millisecond still list in creation order. */
  newId?: () => string;
  /** Items may show only their owner's own media, and only once checked (ready); without it none. */
  media?: MediaReferences;
}

export interface ItemList {
  items: Item[];
  nextCursor: string | null;
}

const LISTING = 'items';
const ITEM_BUSY = 'The item is being changed by another request; retry.';

/** The item use cases; writes are conditional on the version they read. */
export class ItemOperations {
  private readonly now: () => Date;
  private readonly newId: () => string;
  private readonly media: MediaReferences;

  constructor(
    private readonly store: ItemStore,
    private readonly cursors: CursorCodec,
    options: ItemOperationsOptions = {},
  ) {
    this.now = options.now ?? (() => new Date());
    this.newId = options.newId ?? monotonicFactory();
    this.media = options.media ?? noMediaReferences;
  }

  async create(ownerId: string, input: unknown): Promise<Item> {
    const content = parseNewItem(input);
    const timestamp = this.now().toISOString();
    const item: Item = {
      id: this.newId(),
      ownerId,
      ...content,
      createdAt: timestamp,
      updatedAt: timestamp,
      version: 1,
    };
    assertItemFits(item);
    await this.assertMediaUsable(ownerId, item.mediaIds, []);
    await this.store.create(item);
    return item;
  }

  /** The caller's own item or a public one; any other is 404, never revealing that it exists. */
  async get(callerId: string, id: string): Promise<Item> {
    const item = isUlid(id) ? await this.store.get(id) : undefined;
    if (!item || !isVisibleTo(item, callerId)) throw itemNotFound();
    return item;
  }

  /** A public item for a guest; a private one is 404 as if it did not exist. */
  async getPublic(id: string): Promise<Item> {
    const item = isUlid(id) ? await this.store.get(id) : undefined;
    if (!item || item.visibility !== 'public') throw itemNotFound();
    return item;
  }

  async list(
    callerId: string,
    page: { limit: number; cursor?: string | undefined },
  ): Promise<ItemList> {
    const scope = { userId: callerId, listing: LISTING };
    const after =
      page.cursor === undefined ? undefined : await this.cursors.decode(page.cursor, scope);
    const { items, nextKey } = await this.store.listByOwner(callerId, { limit: page.limit, after });
    return { items, nextCursor: nextKey ? await this.cursors.encode(nextKey, scope) : null };
  }

  async update(
    callerId: string,
    id: string,
    patch: unknown,
    precondition?: VersionPrecondition,
  ): Promise<Item> {
    return withOneRetryOnStaleVersion(async () => {
      const current = await this.owned(callerId, id);
      assertPrecondition(precondition, current.version);
      const updated: Item = {
        ...current,
        ...applyItemPatch(contentOf(current), patch),
        updatedAt: this.now().toISOString(),
        version: current.version + 1,
      };
      assertItemFits(updated);
      await this.assertMediaUsable(callerId, updated.mediaIds, current.mediaIds);
      await this.store.putIfVersion(updated, current.version);
      return updated;
    }, ITEM_BUSY);
  }

  async remove(callerId: string, id: string, precondition?: VersionPrecondition): Promise<void> {
    await withOneRetryOnStaleVersion(async () => {
      const current = await this.owned(callerId, id);
      assertPrecondition(precondition, current.version);
      await this.store.deleteIfVersion(id, current.version);
    }, ITEM_BUSY);
  }

  /** Newly attached ids only: media attached before stay, even if since deleted. */
  private async assertMediaUsable(
    ownerId: string,
    mediaIds: readonly string[],
    attached: readonly string[],
  ): Promise<void> {
    const references = mediaIds
      .map((mediaId, index) => ({ path: `mediaIds.${index}`, mediaId }))
      .filter(({ mediaId }) => !attached.includes(mediaId));
    if (references.length > 0) await this.media.assertUsable(ownerId, references);
  }

  /** Only the owner may change an item; to anyone else it does not exist, public or not. */
  private async owned(callerId: string, id: string): Promise<Item> {
    const item = isUlid(id) ? await this.store.get(id) : undefined;
    if (!item || item.ownerId !== callerId) throw itemNotFound();
    return item;
  }
}

function itemNotFound(): NotFoundError {
  return new NotFoundError('No such item.');
}
