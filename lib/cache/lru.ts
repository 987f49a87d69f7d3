import { LRUCache } from "lru-cache";

/** Where time is read (ms since the epoch): Date.now, or a test's own clock. */
export type Clock = () => number;

/**
 * A bounded in-process cache (the `lru-cache` package): at most `max` entries, the least recently
 * used evicted first, each forgotten `ttlMs` after it was set (or its own `ttl` given to set()).
 * Whatever keys callers are sent (a scan of random ids), the memory it holds stays bounded.
 * Time comes from `now`, read on every check (no timers), so a test can move it.
 */
// lru-cache's own bounds: keys and values are never null or undefined.
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export function boundedCache<K extends {}, V extends {}>(options: { max: number; ttlMs?: number; now?: Clock }): LRUCache<K, V> {
  const now = options.now ?? (() => Date.now()); // read Date.now at each call: fake timers move it
  return new LRUCache<K, V>({
    max: options.max,
    ttl: options.ttlMs && Number.isFinite(options.ttlMs) ? options.ttlMs : 0,
    ttlResolution: 0,
    // lru-cache takes a start time of 0 for "no time to live": a test clock starting at 0 must not.
    perf: { now: () => now() + 1 },
  });
}
