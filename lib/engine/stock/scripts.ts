import { SLIDING_WINDOW_LUA } from "../sliding-window";
import { defineScript } from "../transport/script";

// The stock scripts of the Redis engines (TCP and Upstash alike).
//
// Time: a promotion's window is decided on Redis's own clock (TIME), the one clock every app
// server shares, so a server whose clock runs ahead cannot open a promotion early. (Redis 7
// replicates scripts by their effects, so reading TIME inside one is safe.) Rate-limit windows
// are named by the caller's clock; a skewed server only shifts its own windows a little.
//
// Loads: every load of a promotion writes a new random load id into its meta hash. A claim
// returns the load it was decided in, and the compensations (release, refund, sold-out
// settlement) apply only while that load is still the current one: a reload from PostgreSQL
// (a top-up, a rebuild) already reflects the truth, and a late compensation must not undo it.
//
// Reservations: a win is also recorded with its time in a sorted set, so the phantom sweeper can
// find wins whose claim row never appeared (the process died between script and write).

// Lua: the engine's clock in ms.
export const NOW_MS_LUA = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
`;

/** The keys a compensation reads: the load id (meta), the stock, the winners, the reservations. */
const FENCED = ["meta", "stock", "winners", "reserved"] as const;

/**
 * The claim, with the caller's rate limits in the same round trip. Returns {code, number, load}:
 * WON with the remaining stock and the load id, NOT_STARTED with the start and the engine's
 * time, RATE_LIMITED with the ms to wait. Every limit counts once none refuses.
 */
export const CLAIM = defineScript({
  name: "claim",
  keys: FENCED,
  args: ["userId"],
  each: { name: "limits", keys: ["current", "previous"], args: ["limit", "windowMs", "elapsedMs"] },
  lua: `
${SLIDING_WINDOW_LUA}
if redis.call('EXISTS', meta) == 0 or redis.call('EXISTS', stock) == 0 then
  return {'MISSING', 0}
end
for _, l in ipairs(limits) do
  local wait = windowWait(l.current, l.previous, tonumber(l.limit), tonumber(l.windowMs), tonumber(l.elapsedMs))
  if wait > 0 then return {'RATE_LIMITED', wait} end
end
for _, l in ipairs(limits) do windowCount(l.current, tonumber(l.windowMs)) end
local m = redis.call('HMGET', meta, 'startsAt', 'endsAt', 'paused', 'published', 'load')
if m[4] ~= '1' then return {'NOT_FOUND', 0} end
if redis.call('SISMEMBER', winners, userId) == 1 then return {'ALREADY_CLAIMED', 0} end
${NOW_MS_LUA}
if now < tonumber(m[1]) then return {'NOT_STARTED', tonumber(m[1]), tostring(now)} end
if now >= tonumber(m[2]) then return {'ENDED', 0} end
if m[3] == '1' then return {'PAUSED', 0} end
if tonumber(redis.call('GET', stock)) <= 0 then return {'SOLD_OUT', 0} end
local remaining = redis.call('DECR', stock)
redis.call('SADD', winners, userId)
redis.call('ZADD', reserved, now, userId)
return {'WON', remaining, m[5] or ''}
`,
});

/** Gives the stock back only if the user was a winner of load `loadId` ('' = whatever load is current). */
export const RELEASE = defineScript({
  name: "release",
  keys: FENCED,
  args: ["userId", "loadId"],
  lua: `
if redis.call('EXISTS', meta) == 0 then return 0 end
if loadId ~= '' and redis.call('HGET', meta, 'load') ~= loadId then return 0 end
redis.call('ZREM', reserved, userId)
if redis.call('SREM', winners, userId) == 1 then redis.call('INCR', stock) end
return 1
`,
});

/** The database already held this winner: gives back the coupon just taken. */
export const REFUND = defineScript({
  name: "refund",
  keys: FENCED,
  args: ["userId", "loadId"],
  lua: `
if redis.call('HGET', meta, 'load') ~= loadId then return 0 end
redis.call('ZREM', reserved, userId)
redis.call('INCR', stock)
return 1
`,
});

/** The database says sold out: drops the user's win, sets the stock to zero. */
export const SETTLE_SOLD_OUT = defineScript({
  name: "settleSoldOut",
  keys: FENCED,
  args: ["userId", "loadId"],
  lua: `
if redis.call('HGET', meta, 'load') ~= loadId then return 0 end
redis.call('ZREM', reserved, userId)
redis.call('SREM', winners, userId)
redis.call('SET', stock, 0)
return 1
`,
});

/** These users' claim rows are committed: their reservations are settled. */
export const CONFIRM = defineScript({
  name: "confirm",
  keys: ["reserved"],
  rest: "userIds",
  lua: `
redis.call('ZREM', reserved, unpack(userIds))
return 0
`,
});

/** Wins reserved before `olderThanMs` ago (engine clock), still unconfirmed: {load id, user ids...}. */
export const RESERVED_BEFORE = defineScript({
  name: "reservedBefore",
  keys: ["meta", "reserved"],
  args: ["olderThanMs"],
  lua: `
local load = redis.call('HGET', meta, 'load')
if not load then return nil end
${NOW_MS_LUA}
local users = redis.call('ZRANGEBYSCORE', reserved, '-inf', now - tonumber(olderThanMs), 'LIMIT', 0, 1000)
table.insert(users, 1, load)
return users
`,
});
