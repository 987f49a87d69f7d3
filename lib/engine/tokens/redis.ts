import { onceKey } from "../keys";
import type { OneTimeTokens } from "./one-time-tokens";
import { FIRST_USE } from "./scripts";
import type { RunScript } from "../transport/script";

/** One-time tokens on Redis: a key per spent token, kept until it expires. */
export function redisOneTimeTokens(run: RunScript, keyPrefix = ""): OneTimeTokens {
  return {
    async firstUse(token, ttlMs) {
      return Number(await run(FIRST_USE, { spent: onceKey(token, keyPrefix), ttlMs: Math.max(1, Math.ceil(ttlMs)) })) === 1;
    },
  };
}
