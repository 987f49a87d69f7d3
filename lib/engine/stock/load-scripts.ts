import { NOW_MS_LUA } from "./scripts";
import { defineScript } from "../transport/script";

// The stock scripts that read, load and drop a whole promotion, and its rebuild lock.

/** Returns {startsAt, endsAt, paused, published, total, remaining, engine now} or nil. */
export const SNAPSHOT = defineScript({
  name: "snapshot",
  keys: ["meta", "stock"],
  // The polled stock read: its callers share one call in flight (lib/promotions/queries.ts).
  alone: true,
  lua: `
local remaining = redis.call('GET', stock)
if redis.call('EXISTS', meta) == 0 or not remaining then return nil end
local m = redis.call('HMGET', meta, 'startsAt', 'endsAt', 'paused', 'published', 'total')
${NOW_MS_LUA}
return {m[1], m[2], m[3], m[4], m[5], remaining, tostring(now)}
`,
});

/** The winners' user ids, or nil when the promotion is not loaded. */
export const WINNERS = defineScript({
  name: "winners",
  keys: ["meta", "winners"],
  lua: `
if redis.call('EXISTS', meta) == 0 then return nil end
return redis.call('SMEMBERS', winners)
`,
});

/** Adds a chunk of winners to the staging set of a load (after DROP_STAGING). */
export const STAGE_WINNERS = defineScript({
  name: "stageWinners",
  keys: ["staging"],
  rest: "userIds",
  lua: `
redis.call('SADD', staging, unpack(userIds))
return 0
`,
});

/** Empties the staging set before a load. */
export const DROP_STAGING = defineScript({
  name: "dropStaging",
  keys: ["staging"],
  lua: `
redis.call('DEL', staging)
return 0
`,
});

/**
 * The winners were added to staging beforehand; the swap itself is one atomic step, and the new
 * load id fences off every compensation decided in an earlier load.
 */
export const LOAD = defineScript({
  name: "load",
  keys: ["meta", "stock", "winners", "staging", "reserved"],
  args: ["startsAt", "endsAt", "paused", "published", "total", "remaining", "loadId"],
  lua: `
redis.call('DEL', meta, stock, winners, reserved)
if redis.call('EXISTS', staging) == 1 then redis.call('RENAME', staging, winners) end
redis.call('SET', stock, remaining)
redis.call('HSET', meta, 'startsAt', startsAt, 'endsAt', endsAt, 'paused', paused, 'published', published, 'total', total, 'load', loadId)
return 0
`,
});

/** Forgets everything about a promotion. */
export const DROP = defineScript({
  name: "drop",
  keys: ["meta", "stock", "winners", "staging", "reserved"],
  lua: `
redis.call('DEL', meta, stock, winners, staging, reserved)
return 0
`,
});

/** Takes the rebuild lock if nobody holds it; 1 when taken. */
export const LOCK = defineScript({
  name: "lock",
  keys: ["lock"],
  args: ["token", "ttlMs"],
  lua: `
if redis.call('SET', lock, token, 'PX', ttlMs, 'NX') then return 1 end
return 0
`,
});

/** Deletes the lock only if this holder still owns it. */
export const UNLOCK = defineScript({
  name: "unlock",
  keys: ["lock"],
  args: ["token"],
  lua: `
if redis.call('GET', lock) == token then return redis.call('DEL', lock) end
return 0
`,
});
