/**
 * Concurrent calls for one key share one call in flight; the next call after it settles starts a
 * new one. For reads that must be at least as new as the request asking (a stock snapshot, a
 * rebuild, a session state): unlike lru-cache's fetch, nothing is kept once the call settles.
 * Holds only the calls in flight, so its size is bounded by the concurrency.
 */
export function singleFlight<K, V>(): (key: K, call: () => Promise<V>) => Promise<V> {
  const inFlight = new Map<K, Promise<V>>();
  return (key, call) => {
    let pending = inFlight.get(key);
    if (!pending) {
      pending = call().finally(() => inFlight.delete(key));
      inFlight.set(key, pending);
    }
    return pending;
  };
}
