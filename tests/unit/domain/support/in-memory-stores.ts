import { StaleVersionError } from '@mobile-backend/domain/http';
import type {
  Item,
  ItemPage,
  ItemStore,
  Profile,
  ProfileStore,
  StoredProfile,
} from '@mobile-backend/domain/data';
import type { PageKey } from '@mobile-backend/domain/http';
import type { PushReceipts } from '@mobile-backend/domain/messaging';

/** An ItemStore with the adapter's contract, kept in memory; `beforeWrite` lets a test race a write. */
export class InMemoryItemStore implements ItemStore {
  readonly items = new Map<string, Item>();
  beforeWrite: (() => void) | undefined;

  async get(id: string): Promise<Item | undefined> {
    const item = this.items.get(id);
    return item && structuredClone(item);
  }

  async create(item: Item): Promise<void> {
    if (this.items.has(item.id)) throw new StaleVersionError('taken');
    this.items.set(item.id, structuredClone(item));
  }

  async putIfVersion(item: Item, expectedVersion: number): Promise<void> {
    this.beforeWrite?.();
    if (this.items.get(item.id)?.version !== expectedVersion) throw new StaleVersionError('stale');
    this.items.set(item.id, structuredClone(item));
  }

  async deleteIfVersion(id: string, expectedVersion: number): Promise<void> {
    this.beforeWrite?.();
    if (this.items.get(id)?.version !== expectedVersion) throw new StaleVersionError('stale');
    this.items.delete(id);
  }

  async listByOwner(ownerId: string, page: { limit: number; after?: PageKey }): Promise<ItemPage> {
    const owned = [...this.items.values()]
      .filter((item) => item.ownerId === ownerId)
      .sort((a, b) => b.id.localeCompare(a.id))
      .filter((item) => page.after === undefined || item.id < (page.after.id ?? ''));
    const items = owned.slice(0, page.limit);
    const last = items.at(-1);
    return owned.length > page.limit && last ? { items, nextKey: { id: last.id } } : { items };
  }

  async deleteOwnedPage(ownerId: string, limit: number): Promise<number> {
    const owned = [...this.items.values()].filter((item) => item.ownerId === ownerId);
    const page = owned.slice(0, limit);
    for (const item of page) this.items.delete(item.id);
    return page.length;
  }
}

export class InMemoryProfileStore implements ProfileStore {
  readonly records = new Map<string, StoredProfile>();
  beforeWrite: (() => void) | undefined;

  async get(userId: string): Promise<StoredProfile | undefined> {
    const stored = this.records.get(userId);
    return stored && structuredClone(stored);
  }

  async create(profile: Profile): Promise<void> {
    if (this.records.has(profile.userId)) throw new StaleVersionError('exists');
    this.records.set(profile.userId, { status: 'active', profile: structuredClone(profile) });
  }

  async putIfVersion(profile: Profile, expectedVersion: number): Promise<void> {
    this.beforeWrite?.();
    const stored = this.records.get(profile.userId);
    if (stored?.status !== 'active' || stored.profile.version !== expectedVersion) {
      throw new StaleVersionError('stale');
    }
    this.records.set(profile.userId, { status: 'active', profile: structuredClone(profile) });
  }

  async markDeleting(userId: string): Promise<void> {
    this.records.set(userId, { status: 'deleting' });
  }

  async erase(userId: string): Promise<void> {
    this.records.set(userId, { status: 'deleted' });
  }
}

/** Push receipts in a map: which devices each message's push reached. */
export class InMemoryPushReceipts implements PushReceipts {
  readonly byMessage = new Map<string, Set<string>>();

  async reached(messageId: string): Promise<ReadonlySet<string>> {
    return new Set(this.byMessage.get(messageId) ?? []);
  }

  async record(messageId: string, deviceId: string): Promise<void> {
    const reached = this.byMessage.get(messageId) ?? new Set<string>();
    this.byMessage.set(messageId, reached.add(deviceId));
  }
}
