import { lockoutKeys, throttleWindowKeys } from "../keys";
import { ATTEMPT, CLEAR_FAILURES, RECORD_FAILURE } from "./scripts";
import type { Throttles } from "./throttles";
import type { RunScript } from "../transport/script";

/** Throttles on Redis: the scripts of ./scripts.ts. */
export function redisThrottles(run: RunScript, keyPrefix = ""): Throttles {
  return {
    async attempt(subject, { limit, windowMs }, nowMs) {
      const { lock } = lockoutKeys(subject, keyPrefix);
      const window = throttleWindowKeys(subject, windowMs, nowMs, keyPrefix);
      return Number(await run(ATTEMPT, { lock, ...window, limit, windowMs }));
    },
    async recordFailure(subject, policy) {
      return Number(await run(RECORD_FAILURE, { ...lockoutKeys(subject, keyPrefix), ...policy }));
    },
    async clearFailures(subject) {
      await run(CLEAR_FAILURES, lockoutKeys(subject, keyPrefix));
    },
  };
}
