import type { PageKey } from '../pagination/cursor';
import type { Item } from './item';

export interface ItemPage {
  items: Item[];
  /** Where the next page starts; absent on the last page. */
  nextKey?: PageKey;
}

/** Where items live. Conditional writes throw StaleVersionError when the stored version moved on. */
export interface ItemStore {
  get(id: string): Promise<Item | undefined>;
  /** Stores a new item; StaleVersionError if the id is taken. */
  create(item: Item): Promise<void>;
  /** Replaces the item if it is still at `expectedVersion`. */
  putIfVersion(item: Item, expectedVersion: number): Promise<void>;
  /** Deletes the item if it is still at `expectedVersion`. */
  deleteIfVersion(id: string, expectedVersion: number): Promise<void>;
  /** An owner's items, newest first. */
  listByOwner(ownerId: string, page: { limit: number; after?: PageKey }): Promise<ItemPage>;
  /** Deletes up to `limit` items of an owner (account erasure); returns how many were deleted. */
  deleteOwnedPage(ownerId: string, limit: number): Promise<number>;
}
