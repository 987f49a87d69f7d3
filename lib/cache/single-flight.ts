import { processState } from "@/lib/process-state";

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

/**
 * A single flight per owner (one per engine's stock store, say), one per process whichever copy of
 * the calling module asks (lib/process-state.ts, under `name`): every copy's calls share flights.
 */
export function singleFlightPer<O extends object, K, V>(name: string): (owner: O, key: K, call: () => Promise<V>) => Promise<V> {
  return (owner, key, call) => {
    const flights = processState(name, () => new WeakMap<O, (key: K, call: () => Promise<V>) => Promise<V>>());
    let flight = flights.get(owner);
    if (!flight) flights.set(owner, (flight = singleFlight<K, V>()));
    return flight(key, call);
  };
}
