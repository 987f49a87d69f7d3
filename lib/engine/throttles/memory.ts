import { boundedCache, type Clock } from "@/lib/cache/lru";
import { lockoutKeys, throttleWindowKeys } from "../keys";
import { memoryWindows } from "../sliding-window";
import type { Throttles } from "./throttles";

// Subjects held at most: a flood of new subjects evicts the least recently used ones instead
// of growing the heap (the local run serves one person anyway).
const SUBJECTS = 100_000;

/** Throttles in this process, mirroring ./scripts.ts; every entry lives as long as its Redis key would. */
export function memoryThrottles(clock: Clock): Throttles {
  const windows = memoryWindows(clock, SUBJECTS);
  const failures = boundedCache<string, number>({ max: SUBJECTS, now: clock });
  const locks = boundedCache<string, number>({ max: SUBJECTS, now: clock }); // value: the lock's end (ms)

  return {
    async attempt(subject, limit, nowMs) {
      const now = clock();
      const lockedUntil = locks.get(lockoutKeys(subject).lock);
      if (lockedUntil !== undefined && lockedUntil > now) return lockedUntil - now;
      const keys = throttleWindowKeys(subject, limit.windowMs, nowMs);
      const wait = windows.wait(keys, limit);
      if (wait === 0) windows.count(keys, limit);
      return wait;
    },

    async recordFailure(subject, policy) {
      const k = lockoutKeys(subject);
      const count = (failures.get(k.failures) ?? 0) + 1;
      failures.set(k.failures, count, { ttl: policy.forgetMs });
      if (count < policy.after) return 0;
      const ms = Math.floor(Math.min(policy.baseMs * 2 ** Math.min(count - policy.after, 40), policy.maxMs));
      locks.set(k.lock, clock() + ms, { ttl: ms });
      return ms;
    },

    async clearFailures(subject) {
      failures.delete(lockoutKeys(subject).failures);
    },
  };
}
