import { boundedCache, type Clock } from "@/lib/cache/lru";

// The sliding-window limit shared by the claim's rate limits and the sign-up/sign-in throttles,
// written once for Redis (Lua, included by the scripts that use it) and once for the memory
// engine. Two fixed windows approximate a sliding one: the previous window's count weighs by
// the share of it still inside the sliding window. Windows are named by the caller's clock.

/** Which fixed window `nowMs` falls in, and how far into it. */
export function windowPosition(windowMs: number, nowMs: number) {
  const index = Math.floor(nowMs / windowMs);
  return { index, elapsedMs: nowMs - index * windowMs };
}

/** The counter keys of one subject's window pair, and how far into the current window. */
export interface WindowKeys {
  current: string;
  previous: string;
  elapsedMs: number;
}

export interface WindowLimit {
  limit: number;
  windowMs: number;
}

/** 0 when one more attempt fits the limit, else the ms until the current window ends. */
export function windowWait(current: number, previous: number, elapsedMs: number, { limit, windowMs }: WindowLimit): number {
  return previous * ((windowMs - elapsedMs) / windowMs) + current + 1 > limit ? Math.max(1, windowMs - elapsedMs) : 0;
}

/**
 * Lua: the same two steps for the scripts. windowWait reads the pair (0: one more fits, else the
 * ms to wait); windowCount counts an attempt, its counter kept two windows.
 */
export const SLIDING_WINDOW_LUA = `
local function windowWait(currentKey, previousKey, limit, window, elapsed)
  local current = tonumber(redis.call('GET', currentKey) or '0')
  local previous = tonumber(redis.call('GET', previousKey) or '0')
  if previous * (window - elapsed) / window + current + 1 > limit then
    return math.max(1, window - elapsed)
  end
  return 0
end
local function windowCount(currentKey, window)
  redis.call('INCR', currentKey)
  redis.call('PEXPIRE', currentKey, window * 2)
end
`;

/** The memory engine's window counters: bounded, each kept two windows like its Redis key. */
export function memoryWindows(clock: Clock, max: number) {
  const counters = boundedCache<string, number>({ max, now: clock });
  return {
    wait: (keys: WindowKeys, limit: WindowLimit) =>
      windowWait(counters.get(keys.current) ?? 0, counters.get(keys.previous) ?? 0, keys.elapsedMs, limit),
    count: (keys: WindowKeys, { windowMs }: WindowLimit) =>
      void counters.set(keys.current, (counters.get(keys.current) ?? 0) + 1, { ttl: windowMs * 2 }),
  };
}
