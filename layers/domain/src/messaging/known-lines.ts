/**
 * How far each conversation's lines are known to have moved, as this
 * execution environment saw them. A line only ever moves to a newer message,
 * so a batch older than a key seen once stays older than the line: its store
 * can skip the transaction that would move the line and fail on that.
 * Bounded; the conversations seen longest ago are forgotten first.
 */
export class KnownLines {
  private readonly keys = new Map<string, string>();

  constructor(private readonly capacity = 10_000) {}

  /** Whether the conversation's lines are known to show a message newer than `lineKey`. */
  isNewerThan(conversation: string, lineKey: string): boolean {
    const known = this.keys.get(conversation);
    // Plain comparison, as DynamoDB compares strings (by code point, not by locale).
    return known !== undefined && known > lineKey;
  }

  /** The conversation's lines show `lineKey` or a newer message. */
  reached(conversation: string, lineKey: string): void {
    const known = this.keys.get(conversation);
    if (known !== undefined && known >= lineKey) return;
    this.keys.delete(conversation);
    this.keys.set(conversation, lineKey);
    const oldest = this.keys.keys().next();
    if (this.keys.size > this.capacity && !oldest.done) this.keys.delete(oldest.value);
  }
}
