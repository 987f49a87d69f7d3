import { SLIDING_WINDOW_LUA } from "../sliding-window";
import { defineScript } from "../transport/script";

// The throttles' scripts: one subject per call, all its keys under one hash tag.

/**
 * The same sliding window as the claim's limits; a lock in force refuses first.
 * Returns 0 (allowed, counted) or the ms to wait.
 */
export const ATTEMPT = defineScript({
  name: "throttleAttempt",
  keys: ["lock", "current", "previous"],
  args: ["limit", "windowMs", "elapsedMs"],
  lua: `
${SLIDING_WINDOW_LUA}
local locked = redis.call('PTTL', lock)
if locked > 0 then return locked end
local wait = windowWait(current, previous, tonumber(limit), tonumber(windowMs), tonumber(elapsedMs))
if wait > 0 then return wait end
windowCount(current, tonumber(windowMs))
return 0
`,
});

/**
 * Counts a failure; from the after-th on, locks for baseMs doubling per further failure, capped
 * at maxMs. Returns the lock's ms, or 0.
 */
export const RECORD_FAILURE = defineScript({
  name: "recordFailure",
  keys: ["failures", "lock"],
  args: ["after", "baseMs", "maxMs", "forgetMs"],
  lua: `
local count = redis.call('INCR', failures)
redis.call('PEXPIRE', failures, tonumber(forgetMs))
local from = tonumber(after)
if count < from then return 0 end
local ms = math.min(tonumber(baseMs) * 2 ^ math.min(count - from, 40), tonumber(maxMs))
ms = math.floor(ms)
redis.call('SET', lock, count, 'PX', ms)
return ms
`,
});

/** A success: the run of failures starts over. */
export const CLEAR_FAILURES = defineScript({
  name: "clearFailures",
  keys: ["failures"],
  lua: `
redis.call('DEL', failures)
return 0
`,
});
