interface Entry<K, V> {
  key: K;
  value: V;
  older: Entry<K, V> | null;
  newer: Entry<K, V> | null;
}

/**
 * A bounded least-recently-used cache. Entries form a list from the oldest to the newest; a hit only relinks
 * its entry at the newest end. Moving it within a Map instead (delete, then set) costs two more hash look-ups
 * and leaves a deleted slot to compact on every hit, and the memos built on this are hit far more often than
 * they miss.
 */
export class LruCache<K, V> {
  private readonly entries = new Map<K, Entry<K, V>>();
  private oldest: Entry<K, V> | null = null;
  private newest: Entry<K, V> | null = null;

  constructor(private readonly capacity: number) {}

  get(key: K): V | undefined {
    const entry = this.entries.get(key);
    if (entry === undefined) return undefined;
    this.makeNewest(entry);
    return entry.value;
  }

  set(key: K, value: V): void {
    const known = this.entries.get(key);
    if (known) {
      known.value = value;
      this.makeNewest(known);
      return;
    }
    const entry: Entry<K, V> = { key, value, older: this.newest, newer: null };
    if (this.newest) this.newest.newer = entry;
    else this.oldest = entry;
    this.newest = entry;
    this.entries.set(key, entry);
    if (this.entries.size > this.capacity) {
      const evicted = this.oldest!;
      this.unlink(evicted);
      this.entries.delete(evicted.key);
    }
  }

  /** The value of `key`, computed and kept on a miss (a computed null or other value is kept too). */
  remember(key: K, compute: () => V): V {
    let value = this.get(key);
    if (value === undefined) this.set(key, (value = compute()));
    return value;
  }

  get size(): number {
    return this.entries.size;
  }

  private makeNewest(entry: Entry<K, V>): void {
    if (entry === this.newest) return;
    this.unlink(entry);
    entry.older = this.newest;
    this.newest!.newer = entry;
    this.newest = entry;
  }

  private unlink(entry: Entry<K, V>): void {
    if (entry.older) entry.older.newer = entry.newer;
    else this.oldest = entry.newer;
    if (entry.newer) entry.newer.older = entry.older;
    else this.newest = entry.older;
    entry.older = entry.newer = null;
  }
}
