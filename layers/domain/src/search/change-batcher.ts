import type { IndexChange, SearchIndex } from './search-index';

interface Pending {
  change: IndexChange;
  settle: { resolve: () => void; reject: (error: unknown) => void };
}

function idOf(change: IndexChange): string {
  return change.type === 'upsert' ? change.document.id : change.id;
}

/**
 * Gathers the changes submitted in one turn of the event loop (the batch
 * processor hands every record to its handler at once) into one call to the
 * index, so documents go to the engine in batches, while each record still
 * learns whether its own change was applied. Several changes to one item in
 * the same batch collapse to the last one, in stream order: an older version
 * never overwrites a newer one.
 */
export class ChangeBatcher {
  private pending: Pending[] = [];

  constructor(private readonly index: SearchIndex) {}

  submit(change: IndexChange): Promise<void> {
    return new Promise((resolve, reject) => {
      if (this.pending.length === 0) setImmediate(() => void this.flush());
      this.pending.push({ change, settle: { resolve, reject } });
    });
  }

  private async flush(): Promise<void> {
    const batch = this.pending;
    this.pending = [];
    const latest = new Map<string, IndexChange>();
    for (const { change } of batch) {
      latest.delete(idOf(change));
      latest.set(idOf(change), change);
    }
    try {
      await this.index.apply([...latest.values()]);
      for (const { settle } of batch) settle.resolve();
    } catch (error) {
      for (const { settle } of batch) settle.reject(error);
    }
  }
}
