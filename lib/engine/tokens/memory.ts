import { boundedCache, type Clock } from "@/lib/cache/lru";
import type { OneTimeTokens } from "./one-time-tokens";

// Spent tokens held at most (each forgotten when it expires, like its Redis key).
const TOKENS = 100_000;

/** One-time tokens in this process, mirroring ./scripts.ts. */
export function memoryOneTimeTokens(clock: Clock): OneTimeTokens {
  const spent = boundedCache<string, true>({ max: TOKENS, now: clock });
  return {
    async firstUse(token, ttlMs) {
      if (spent.get(token)) return false;
      spent.set(token, true, { ttl: Math.max(1, Math.ceil(ttlMs)) });
      return true;
    },
  };
}
