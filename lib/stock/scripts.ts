import { createHash } from "node:crypto";
import type { ClaimDecision, StockSnapshot } from "./engine";
import type { PromotionKeys } from "./keys";

// The Lua scripts of the Redis engines (TCP and Upstash alike). Each is declared once, with the
// order of the keys it reads as KEYS[1..n]. Every key is passed in KEYS and the clock comes from
// the app in ARGV, so a script is deterministic and replicates safely.

export interface LuaScript<K> {
  lua: string;
  sha: string;
  /** KEYS, in the order the Lua reads them. */
  keys: (k: K) => string[];
}

function script<K>(keys: (k: K) => string[], lua: string): LuaScript<K> {
  return { lua, sha: createHash("sha1").update(lua).digest("hex"), keys };
}

const metaStockWinners = (k: PromotionKeys) => [k.meta, k.stock, k.winners];
const metaStock = (k: PromotionKeys) => [k.meta, k.stock];

/**
 * The claim, with the caller's rate limits in the same round trip.
 * KEYS: meta, stock, winners, then a (current, previous) window pair per rate limit.
 * ARGV: userId, nowMs, then (limit, windowMs, elapsedMs) per rate limit.
 * Returns {code, number}: WON with the remaining stock, NOT_STARTED with the start,
 * RATE_LIMITED with the ms to wait.
 */
export const CLAIM = script(
  (k: { promotion: PromotionKeys; limits: { current: string; previous: string }[] }) => [
    k.promotion.meta,
    k.promotion.stock,
    k.promotion.winners,
    ...k.limits.flatMap((l) => [l.current, l.previous]),
  ],
  `
if redis.call('EXISTS', KEYS[1]) == 0 or redis.call('EXISTS', KEYS[2]) == 0 then
  return {'MISSING', 0}
end
local limits = (#KEYS - 3) / 2
for i = 0, limits - 1 do
  local limit = tonumber(ARGV[3 + i * 3])
  local window = tonumber(ARGV[4 + i * 3])
  local elapsed = tonumber(ARGV[5 + i * 3])
  local current = tonumber(redis.call('GET', KEYS[4 + i * 2]) or '0')
  local previous = tonumber(redis.call('GET', KEYS[5 + i * 2]) or '0')
  if previous * (window - elapsed) / window + current + 1 > limit then
    return {'RATE_LIMITED', math.max(1, window - elapsed)}
  end
end
for i = 0, limits - 1 do
  redis.call('INCR', KEYS[4 + i * 2])
  redis.call('PEXPIRE', KEYS[4 + i * 2], tonumber(ARGV[4 + i * 3]) * 2)
end
local m = redis.call('HMGET', KEYS[1], 'startsAt', 'endsAt', 'paused', 'published')
if m[4] ~= '1' then return {'NOT_FOUND', 0} end
if redis.call('SISMEMBER', KEYS[3], ARGV[1]) == 1 then return {'ALREADY_CLAIMED', 0} end
local now = tonumber(ARGV[2])
if now < tonumber(m[1]) then return {'NOT_STARTED', tonumber(m[1])} end
if now >= tonumber(m[2]) then return {'ENDED', 0} end
if m[3] == '1' then return {'PAUSED', 0} end
if tonumber(redis.call('GET', KEYS[2])) <= 0 then return {'SOLD_OUT', 0} end
local remaining = redis.call('DECR', KEYS[2])
redis.call('SADD', KEYS[3], ARGV[1])
return {'WON', remaining}
`,
);

/** ARGV: userId. Gives the stock back only if the user was a winner. */
export const RELEASE = script(
  metaStockWinners,
  `
if redis.call('EXISTS', KEYS[1]) == 1 and redis.call('SREM', KEYS[3], ARGV[1]) == 1 then
  redis.call('INCR', KEYS[2])
end
return 0
`,
);

/** Gives one coupon back to the stock (only while the promotion is loaded). */
export const REFUND = script(
  metaStock,
  `
if redis.call('EXISTS', KEYS[1]) == 1 then redis.call('INCR', KEYS[2]) end
return 0
`,
);

/** ARGV: userId. Drops the user's win and sets the stock to zero. */
export const SETTLE_SOLD_OUT = script(
  metaStockWinners,
  `
if redis.call('EXISTS', KEYS[1]) == 1 then
  redis.call('SREM', KEYS[3], ARGV[1])
  redis.call('SET', KEYS[2], 0)
end
return 0
`,
);

/** Returns {startsAt, endsAt, paused, published, total, remaining} or nil. */
export const SNAPSHOT = script(
  metaStock,
  `
local remaining = redis.call('GET', KEYS[2])
if redis.call('EXISTS', KEYS[1]) == 0 or not remaining then return nil end
local m = redis.call('HMGET', KEYS[1], 'startsAt', 'endsAt', 'paused', 'published', 'total')
return {m[1], m[2], m[3], m[4], m[5], remaining}
`,
);

/** The winners' user ids, or nil when the promotion is not loaded. */
export const WINNERS = script(
  (k: PromotionKeys) => [k.meta, k.winners],
  `
if redis.call('EXISTS', KEYS[1]) == 0 then return nil end
return redis.call('SMEMBERS', KEYS[2])
`,
);

/** ARGV: user ids. Adds a chunk of winners to the staging set of a load (after DROP_STAGING). */
export const STAGE_WINNERS = script(
  (k: PromotionKeys) => [k.staging],
  `
redis.call('SADD', KEYS[1], unpack(ARGV))
return 0
`,
);

/** Empties the staging set before a load. */
export const DROP_STAGING = script(
  (k: PromotionKeys) => [k.staging],
  `
redis.call('DEL', KEYS[1])
return 0
`,
);

/**
 * ARGV: startsAt, endsAt, paused, published, total, remaining.
 * The winners were added to staging beforehand; the swap itself is one atomic step.
 */
export const LOAD = script(
  (k: PromotionKeys) => [k.meta, k.stock, k.winners, k.staging],
  `
redis.call('DEL', KEYS[1], KEYS[2], KEYS[3])
if redis.call('EXISTS', KEYS[4]) == 1 then redis.call('RENAME', KEYS[4], KEYS[3]) end
redis.call('SET', KEYS[2], ARGV[6])
redis.call('HSET', KEYS[1], 'startsAt', ARGV[1], 'endsAt', ARGV[2], 'paused', ARGV[3], 'published', ARGV[4], 'total', ARGV[5])
return 0
`,
);

/** Forgets everything about a promotion. */
export const DROP = script(
  (k: PromotionKeys) => [k.meta, k.stock, k.winners, k.staging],
  `
redis.call('DEL', KEYS[1], KEYS[2], KEYS[3], KEYS[4])
return 0
`,
);

/** ARGV: token, ttlMs. Takes the rebuild lock if nobody holds it; 1 when taken. */
export const LOCK = script(
  (k: PromotionKeys) => [k.lock],
  `
if redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2], 'NX') then return 1 end
return 0
`,
);

/** ARGV: token. Deletes the lock only if this holder still owns it. */
export const UNLOCK = script(
  (k: PromotionKeys) => [k.lock],
  `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0
`,
);

/**
 * Sliding-window limit, estimated from two fixed windows: the previous window's count weighted
 * by how much of it still overlaps the sliding window, plus the current count.
 * ARGV: limit, windowMs, elapsedMs (into the current window).
 * Returns 0 and counts the attempt when allowed; otherwise the ms until the current window ends.
 */
export const RATE_LIMIT = script(
  (k: { current: string; previous: string }) => [k.current, k.previous],
  `
local limit = tonumber(ARGV[1])
local window = tonumber(ARGV[2])
local elapsed = tonumber(ARGV[3])
local current = tonumber(redis.call('GET', KEYS[1]) or '0')
local previous = tonumber(redis.call('GET', KEYS[2]) or '0')
if previous * (window - elapsed) / window + current + 1 > limit then
  return math.max(1, window - elapsed)
end
redis.call('INCR', KEYS[1])
redis.call('PEXPIRE', KEYS[1], window * 2)
return 0
`,
);

/** Turns a CLAIM reply into a decision. */
export function toDecision(reply: [string, number]): ClaimDecision {
  const [code, value] = reply;
  switch (code) {
    case "WON":
      return { kind: "WON", remaining: Number(value) };
    case "NOT_STARTED":
      return { kind: "NOT_STARTED", startsAt: Number(value) };
    case "RATE_LIMITED":
      return { kind: "RATE_LIMITED", retryAfterMs: Number(value) };
    case "MISSING":
    case "NOT_FOUND":
    case "ALREADY_CLAIMED":
    case "ENDED":
    case "PAUSED":
    case "SOLD_OUT":
      return { kind: code };
    default:
      throw new Error(`Unexpected claim script reply: ${code}`);
  }
}

/** Turns a SNAPSHOT reply into a snapshot. */
export function toSnapshot(reply: (string | null)[] | null): StockSnapshot | null {
  if (!reply) return null;
  const [startsAt, endsAt, paused, published, total, remaining] = reply;
  return {
    startsAt: Number(startsAt),
    endsAt: Number(endsAt),
    paused: paused === "1",
    published: published === "1",
    totalStock: Number(total),
    remaining: Number(remaining),
  };
}

/** ARGV for LOAD. */
export function loadArgs(s: StockSnapshot): string[] {
  return [s.startsAt, s.endsAt, s.paused ? 1 : 0, s.published ? 1 : 0, s.totalStock, s.remaining].map(String);
}
