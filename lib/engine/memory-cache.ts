import { LRUCache } from "lru-cache";

/** Where an engine reads the time (ms since the epoch): Date.now, or a test's own clock. */
export type Clock = () => number;

/**
 * A bounded map of the memory engine: at most `max` entries, the least recently used evicted
 * first, each entry optionally forgotten after its own time to live (given on set, like a Redis
 * key's PX), on the engine's clock. A flood of new keys (subjects, tokens, accounts) evicts old
 * ones instead of growing the heap.
 */
export function boundedCache<K extends NonNullable<unknown>, V extends NonNullable<unknown>>({
  max,
  clock,
}: {
  max: number;
  clock: Clock;
}) {
  // ttlResolution 0: every check reads the clock (no cached time behind a timer), so an injected
  // clock moved by a test is seen at once.
  return new LRUCache<K, V>({ max, ttlResolution: 0, perf: { now: clock } });
}
