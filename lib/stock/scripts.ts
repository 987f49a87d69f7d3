import { createHash } from "node:crypto";
import type { ClaimDecision, LiveSnapshot, OutcomeSecond, SessionState, StockSnapshot } from "./engine";
import type { PromotionKeys } from "./keys";

// The Lua scripts of the Redis engines (TCP and Upstash alike). Each is declared once, with the
// order of the keys it reads as KEYS[1..n]. Every key is passed in KEYS.
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

export interface LuaScript<K> {
  lua: string;
  sha: string;
  /** KEYS, in the order the Lua reads them. */
  keys: (k: K) => string[];
}

function script<K>(keys: (k: K) => string[], lua: string): LuaScript<K> {
  return { lua, sha: createHash("sha1").update(lua).digest("hex"), keys };
}

const fenced = (k: PromotionKeys) => [k.meta, k.stock, k.winners, k.reserved];

// Lua: the engine's clock in ms.
const NOW_MS = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
`;

/**
 * The claim, with the caller's rate limits in the same round trip.
 * KEYS: meta, stock, winners, reserved, then a (current, previous) window pair per rate limit.
 * ARGV: userId, then (limit, windowMs, elapsedMs) per rate limit.
 * Returns {code, number, load}: WON with the remaining stock and the load id, NOT_STARTED with
 * the start and the engine's time, RATE_LIMITED with the ms to wait.
 */
export const CLAIM = script(
  (k: { promotion: PromotionKeys; limits: { current: string; previous: string }[] }) => [
    ...fenced(k.promotion),
    ...k.limits.flatMap((l) => [l.current, l.previous]),
  ],
  `
if redis.call('EXISTS', KEYS[1]) == 0 or redis.call('EXISTS', KEYS[2]) == 0 then
  return {'MISSING', 0}
end
local limits = (#KEYS - 4) / 2
for i = 0, limits - 1 do
  local limit = tonumber(ARGV[2 + i * 3])
  local window = tonumber(ARGV[3 + i * 3])
  local elapsed = tonumber(ARGV[4 + i * 3])
  local current = tonumber(redis.call('GET', KEYS[5 + i * 2]) or '0')
  local previous = tonumber(redis.call('GET', KEYS[6 + i * 2]) or '0')
  if previous * (window - elapsed) / window + current + 1 > limit then
    return {'RATE_LIMITED', math.max(1, window - elapsed)}
  end
end
for i = 0, limits - 1 do
  redis.call('INCR', KEYS[5 + i * 2])
  redis.call('PEXPIRE', KEYS[5 + i * 2], tonumber(ARGV[3 + i * 3]) * 2)
end
local m = redis.call('HMGET', KEYS[1], 'startsAt', 'endsAt', 'paused', 'published', 'load')
if m[4] ~= '1' then return {'NOT_FOUND', 0} end
if redis.call('SISMEMBER', KEYS[3], ARGV[1]) == 1 then return {'ALREADY_CLAIMED', 0} end
${NOW_MS}
if now < tonumber(m[1]) then return {'NOT_STARTED', tonumber(m[1]), tostring(now)} end
if now >= tonumber(m[2]) then return {'ENDED', 0} end
if m[3] == '1' then return {'PAUSED', 0} end
if tonumber(redis.call('GET', KEYS[2])) <= 0 then return {'SOLD_OUT', 0} end
local remaining = redis.call('DECR', KEYS[2])
redis.call('SADD', KEYS[3], ARGV[1])
redis.call('ZADD', KEYS[4], now, ARGV[1])
return {'WON', remaining, m[5] or ''}
`,
);

/**
 * ARGV: userId, load id ('' = whatever load is current). Gives the stock back only if the user
 * was a winner of that load.
 */
export const RELEASE = script(
  fenced,
  `
if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
if ARGV[2] ~= '' and redis.call('HGET', KEYS[1], 'load') ~= ARGV[2] then return 0 end
redis.call('ZREM', KEYS[4], ARGV[1])
if redis.call('SREM', KEYS[3], ARGV[1]) == 1 then redis.call('INCR', KEYS[2]) end
return 1
`,
);

/** ARGV: userId, load id. The database already held this winner: gives back the coupon just taken. */
export const REFUND = script(
  fenced,
  `
if redis.call('HGET', KEYS[1], 'load') ~= ARGV[2] then return 0 end
redis.call('ZREM', KEYS[4], ARGV[1])
redis.call('INCR', KEYS[2])
return 1
`,
);

/** ARGV: userId, load id. The database says sold out: drops the user's win, sets the stock to zero. */
export const SETTLE_SOLD_OUT = script(
  fenced,
  `
if redis.call('HGET', KEYS[1], 'load') ~= ARGV[2] then return 0 end
redis.call('ZREM', KEYS[4], ARGV[1])
redis.call('SREM', KEYS[3], ARGV[1])
redis.call('SET', KEYS[2], 0)
return 1
`,
);

/** ARGV: user ids whose claim rows are committed: their reservations are settled. */
export const CONFIRM = script(
  (k: PromotionKeys) => [k.reserved],
  `
redis.call('ZREM', KEYS[1], unpack(ARGV))
return 0
`,
);

/** ARGV: cutoff (engine ms). Wins reserved before it, still unconfirmed: {load id, user ids...}. */
export const RESERVED_BEFORE = script(
  (k: PromotionKeys) => [k.meta, k.reserved],
  `
local load = redis.call('HGET', KEYS[1], 'load')
if not load then return nil end
${NOW_MS}
local users = redis.call('ZRANGEBYSCORE', KEYS[2], '-inf', now - tonumber(ARGV[1]), 'LIMIT', 0, 1000)
table.insert(users, 1, load)
return users
`,
);

/** Returns {startsAt, endsAt, paused, published, total, remaining, engine now} or nil. */
export const SNAPSHOT = script(
  (k: PromotionKeys) => [k.meta, k.stock],
  `
local remaining = redis.call('GET', KEYS[2])
if redis.call('EXISTS', KEYS[1]) == 0 or not remaining then return nil end
local m = redis.call('HMGET', KEYS[1], 'startsAt', 'endsAt', 'paused', 'published', 'total')
${NOW_MS}
return {m[1], m[2], m[3], m[4], m[5], remaining, tostring(now)}
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
 * ARGV: startsAt, endsAt, paused, published, total, remaining, load id.
 * The winners were added to staging beforehand; the swap itself is one atomic step, and the new
 * load id fences off every compensation decided in an earlier load.
 */
export const LOAD = script(
  (k: PromotionKeys) => [k.meta, k.stock, k.winners, k.staging, k.reserved],
  `
redis.call('DEL', KEYS[1], KEYS[2], KEYS[3], KEYS[5])
if redis.call('EXISTS', KEYS[4]) == 1 then redis.call('RENAME', KEYS[4], KEYS[3]) end
redis.call('SET', KEYS[2], ARGV[6])
redis.call('HSET', KEYS[1], 'startsAt', ARGV[1], 'endsAt', ARGV[2], 'paused', ARGV[3], 'published', ARGV[4], 'total', ARGV[5], 'load', ARGV[7])
return 0
`,
);

/** Forgets everything about a promotion. */
export const DROP = script(
  (k: PromotionKeys) => [k.meta, k.stock, k.winners, k.staging, k.reserved],
  `
redis.call('DEL', KEYS[1], KEYS[2], KEYS[3], KEYS[4], KEYS[5])
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

type OutcomeKeys = { triers: string; seconds: string[] };
const outcomeKeyList = (k: OutcomeKeys) => [k.triers, ...k.seconds];

/**
 * KEYS: triers (HyperLogLog), then one hash per second. ARGV: secondsTtlMs, triersTtlMs, n, the n
 * triers, then per second: field count, lowest remaining ('' = none), field, amount, ...
 * Adds the amounts (instances add up), keeps the lowest remaining; returns the unique triers.
 */
export const RECORD_OUTCOMES = script(
  outcomeKeyList,
  `
local n = tonumber(ARGV[3])
for j = 4, 3 + n, 1000 do
  redis.call('PFADD', KEYS[1], unpack(ARGV, j, math.min(j + 999, 3 + n)))
end
if n > 0 then redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
local i = 4 + n
for k = 2, #KEYS do
  local fields = tonumber(ARGV[i])
  local remaining = ARGV[i + 1]
  i = i + 2
  for f = 1, fields do
    redis.call('HINCRBY', KEYS[k], ARGV[i], ARGV[i + 1])
    i = i + 2
  end
  if remaining ~= '' then
    local low = redis.call('HGET', KEYS[k], 'remaining')
    if not low or tonumber(low) > tonumber(remaining) then redis.call('HSET', KEYS[k], 'remaining', remaining) end
  end
  redis.call('PEXPIRE', KEYS[k], ARGV[1])
end
return redis.call('PFCOUNT', KEYS[1])
`,
);

/** KEYS: triers, then one hash per second. Returns {unique triers, HGETALL of each second}. */
export const READ_OUTCOMES = script(
  outcomeKeyList,
  `
local out = {redis.call('PFCOUNT', KEYS[1])}
for k = 2, #KEYS do table.insert(out, redis.call('HGETALL', KEYS[k])) end
return out
`,
);

/** ARGV of RECORD_OUTCOMES. */
export function recordOutcomesArgs(
  seconds: readonly OutcomeSecond[],
  triers: readonly string[],
  ttl: { secondsTtlMs: number; triersTtlMs: number },
): (string | number)[] {
  const args: (string | number)[] = [ttl.secondsTtlMs, ttl.triersTtlMs, triers.length, ...triers];
  for (const s of seconds) {
    const fields = Object.entries(s.counts).filter(([, n]) => n !== 0);
    args.push(fields.length, s.remaining ?? "", ...fields.flat());
  }
  return args;
}

/** Turns a READ_OUTCOMES reply into seconds (those with figures) and the unique triers. */
export function toOutcomes(seconds: readonly number[], reply: [number, ...string[][]]) {
  const [triers, ...hashes] = reply;
  const found: OutcomeSecond[] = [];
  hashes.forEach((flat, i) => {
    if (!flat || flat.length === 0) return;
    const counts: Record<string, number> = {};
    let remaining: number | null = null;
    for (let f = 0; f < flat.length; f += 2) {
      if (flat[f] === "remaining") remaining = Number(flat[f + 1]);
      else counts[flat[f]] = Number(flat[f + 1]);
    }
    found.push({ second: seconds[i], counts, remaining });
  });
  return { seconds: found, triers: Number(triers) };
}

/** An account's session state as stored ("revision:version:role:disabled"), or nil. KEYS: the state key. */
export const SESSION_STATE = script(
  (key: string) => [key],
  `
return redis.call('GET', KEYS[1])
`,
);

/**
 * ARGV: revision, encoded state, ttlMs. Stores the state unless the key holds a later revision;
 * the same revision only renews its time to live. 1 when stored.
 */
export const PUT_SESSION_STATE = script(
  (key: string) => [key],
  `
local held = redis.call('GET', KEYS[1])
if held then
  local revision = tonumber(string.match(held, '^(%d+):'))
  local incoming = tonumber(ARGV[1])
  if revision and revision > incoming then return 0 end
  if revision and revision == incoming then
    redis.call('PEXPIRE', KEYS[1], ARGV[3])
    return 0
  end
end
redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[3])
return 1
`,
);

export const encodeSessionState = (s: SessionState) =>
  `${s.revision}:${s.version}:${s.role === "ADMIN" ? "A" : "U"}:${s.disabled ? 1 : 0}`;

export function decodeSessionState(value: string | null): SessionState | null {
  const m = value ? /^(\d+):(\d+):([AU]):([01])$/.exec(value) : null;
  if (!m) return null;
  return { revision: Number(m[1]), version: Number(m[2]), role: m[3] === "A" ? "ADMIN" : "USER", disabled: m[4] === "1" };
}

// Throttles of sign-up and sign-in: one subject per call, all its keys under one hash tag.
export interface ThrottleKeys {
  current: string;
  previous: string;
  failures: string;
  lock: string;
}

/**
 * KEYS: lock, current window, previous window. ARGV: limit, windowMs, elapsedMs.
 * The same sliding-window estimate as the claim's limits; a lock in force refuses first.
 * Returns 0 (allowed, counted) or the ms to wait.
 */
export const THROTTLE = script(
  (k: ThrottleKeys) => [k.lock, k.current, k.previous],
  `
local locked = redis.call('PTTL', KEYS[1])
if locked > 0 then return locked end
local limit = tonumber(ARGV[1])
local window = tonumber(ARGV[2])
local elapsed = tonumber(ARGV[3])
local current = tonumber(redis.call('GET', KEYS[2]) or '0')
local previous = tonumber(redis.call('GET', KEYS[3]) or '0')
if previous * (window - elapsed) / window + current + 1 > limit then
  return math.max(1, window - elapsed)
end
redis.call('INCR', KEYS[2])
redis.call('PEXPIRE', KEYS[2], window * 2)
return 0
`,
);

/**
 * KEYS: failures, lock. ARGV: after, baseMs, maxMs, forgetMs.
 * Counts a failure; from the after-th on, locks for baseMs doubling per further failure, capped
 * at maxMs. Returns the lock's ms, or 0.
 */
export const RECORD_FAILURE = script(
  (k: ThrottleKeys) => [k.failures, k.lock],
  `
local failures = redis.call('INCR', KEYS[1])
redis.call('PEXPIRE', KEYS[1], tonumber(ARGV[4]))
local after = tonumber(ARGV[1])
if failures < after then return 0 end
local ms = math.min(tonumber(ARGV[2]) * 2 ^ math.min(failures - after, 40), tonumber(ARGV[3]))
ms = math.floor(ms)
redis.call('SET', KEYS[2], failures, 'PX', ms)
return ms
`,
);

/** KEYS: failures. A success: the run of failures starts over. */
export const CLEAR_FAILURES = script(
  (k: ThrottleKeys) => [k.failures],
  `
redis.call('DEL', KEYS[1])
return 0
`,
);

/** KEYS: the token's key. ARGV: ttlMs. 1 the first time, 0 while the token is remembered. */
export const FIRST_USE = script(
  (key: string) => [key],
  `
if redis.call('SET', KEYS[1], '1', 'PX', ARGV[1], 'NX') then return 1 end
return 0
`,
);

/** Turns a CLAIM reply into a decision. */
export function toDecision(reply: [string, number, string?]): ClaimDecision {
  const [code, value, extra] = reply;
  switch (code) {
    case "WON":
      return { kind: "WON", remaining: Number(value), loadId: String(extra) };
    case "NOT_STARTED":
      return { kind: "NOT_STARTED", startsAt: Number(value), engineNowMs: Number(extra) };
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

/** Turns a SNAPSHOT reply into a snapshot and the engine's time. */
export function toSnapshot(reply: (string | null)[] | null): LiveSnapshot | null {
  if (!reply) return null;
  const [startsAt, endsAt, paused, published, total, remaining, now] = reply;
  return {
    startsAt: Number(startsAt),
    endsAt: Number(endsAt),
    paused: paused === "1",
    published: published === "1",
    totalStock: Number(total),
    remaining: Number(remaining),
    engineNowMs: Number(now),
  };
}

/** ARGV for LOAD. */
export function loadArgs(s: StockSnapshot, loadId: string): string[] {
  return [...[s.startsAt, s.endsAt, s.paused ? 1 : 0, s.published ? 1 : 0, s.totalStock, s.remaining].map(String), loadId];
}
