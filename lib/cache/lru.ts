/**
 * A bounded in-process cache: at most `max` entries, each forgotten `ttlMs` after it was set
 * (or after its own shorter or longer time to live),
 * the least recently used one evicted first. Built on a Map's insertion order: a hit is moved
 * to the end, so the first key is always the least recently used. Whatever keys callers are
 * sent (a scan of random ids), the memory it holds stays bounded.
 */
export class LruCache<K, V> {
  private readonly entries = new Map<K, { value: V; expiresAt: number }>();

  constructor(private readonly options: { max: number; ttlMs: number }) {
    if (!(options.max >= 1)) throw new Error("An LRU cache holds at least one entry.");
  }

  get(key: K, now = Date.now()): V | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    this.entries.delete(key);
    if (entry.expiresAt <= now) return undefined;
    this.entries.set(key, entry);
    return entry.value;
  }

  set(key: K, value: V, now = Date.now(), ttlMs = this.options.ttlMs): void {
    this.entries.delete(key);
    this.entries.set(key, { value, expiresAt: now + ttlMs });
    // One in, at most one out: the size never passes max.
    if (this.entries.size > this.options.max) this.entries.delete(this.entries.keys().next().value as K);
  }

  delete(key: K): void {
    this.entries.delete(key);
  }

  get size(): number {
    return this.entries.size;
  }

  get max(): number {
    return this.options.max;
  }
}
