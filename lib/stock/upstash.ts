import { createHash, randomUUID } from "node:crypto";
import { Redis } from "@upstash/redis";
import type { ClaimDecision, StockEngine, StockSnapshot } from "./engine";
import { promotionKeys, rateLimitKeys } from "./keys";
import {
  CLAIM_SCRIPT,
  LOAD_SCRIPT,
  REFUND_SCRIPT,
  RATE_LIMIT_SCRIPT,
  RELEASE_SCRIPT,
  SETTLE_SOLD_OUT_SCRIPT,
  SNAPSHOT_SCRIPT,
  UNLOCK_SCRIPT,
  loadArgs,
  toDecision,
  toSnapshot,
} from "./scripts";

const WINNERS_CHUNK = 5_000;

interface LuaScript {
  lua: string;
  sha: string;
}

const script = (lua: string): LuaScript => ({ lua, sha: createHash("sha1").update(lua).digest("hex") });

const SCRIPTS = {
  claim: script(CLAIM_SCRIPT),
  release: script(RELEASE_SCRIPT),
  refund: script(REFUND_SCRIPT),
  settleSoldOut: script(SETTLE_SOLD_OUT_SCRIPT),
  snapshot: script(SNAPSHOT_SCRIPT),
  load: script(LOAD_SCRIPT),
  unlock: script(UNLOCK_SCRIPT),
  rateLimit: script(RATE_LIMIT_SCRIPT),
};

/**
 * Runs a script by its SHA; when the server does not know it (first call, or its script cache
 * was flushed) sends it once in full with EVAL, which also caches it for the next EVALSHA.
 */
async function runScript<T>(redis: Redis, { lua, sha }: LuaScript, keys: string[], args: (string | number)[]): Promise<T> {
  try {
    return await redis.evalsha<(string | number)[], T>(sha, keys, args);
  } catch (error) {
    if (!(error instanceof Error && error.message.includes("NOSCRIPT"))) throw error;
    return redis.eval<(string | number)[], T>(lua, keys, args);
  }
}

/**
 * Stock engine over Upstash's REST API, for serverless deployments: the same Lua scripts as the
 * TCP engine, one HTTP request per call (concurrent calls are batched into one pipeline request
 * by the client; each script still runs atomically on its own).
 */
export function createUpstashEngine(options: {
  url: string;
  token: string;
  keyPrefix?: string;
  timeoutMs?: number;
}): StockEngine {
  const timeoutMs = options.timeoutMs ?? 3_000;
  const redis = new Redis({
    url: options.url,
    token: options.token,
    // Replies stay as Redis sent them ("1" stays a string): the script helpers parse them.
    automaticDeserialization: false,
    // A lost reply must not resend a script: a refund is not idempotent. A failure becomes a 503.
    retry: false,
    // A fresh timeout per request; a slow request is aborted and its command fails.
    signal: () => AbortSignal.timeout(timeoutMs),
    enableTelemetry: false,
  });
  // The REST API has no key prefix option: every key is prefixed here.
  const prefix = options.keyPrefix ?? "";
  const keysOf = (promotionId: string) =>
    Object.fromEntries(Object.entries(promotionKeys(promotionId)).map(([name, key]) => [name, prefix + key])) as ReturnType<
      typeof promotionKeys
    >;

  return {
    name: "upstash",

    async claim(promotionId, userId, nowMs): Promise<ClaimDecision> {
      const k = keysOf(promotionId);
      return toDecision(await runScript(redis, SCRIPTS.claim, [k.meta, k.stock, k.winners], [userId, nowMs]));
    },

    async release(promotionId, userId) {
      const k = keysOf(promotionId);
      await runScript(redis, SCRIPTS.release, [k.meta, k.stock, k.winners], [userId]);
    },

    async refund(promotionId) {
      const k = keysOf(promotionId);
      await runScript(redis, SCRIPTS.refund, [k.meta, k.stock], []);
    },

    async settleSoldOut(promotionId, userId) {
      const k = keysOf(promotionId);
      await runScript(redis, SCRIPTS.settleSoldOut, [k.meta, k.stock, k.winners], [userId]);
    },

    async snapshot(promotionId): Promise<StockSnapshot | null> {
      const k = keysOf(promotionId);
      return toSnapshot(await runScript(redis, SCRIPTS.snapshot, [k.meta, k.stock], []));
    },

    async winners(promotionId) {
      const k = keysOf(promotionId);
      const [exists, members] = await redis.multi().exists(k.meta).smembers(k.winners).exec<[number, string[]]>();
      return exists ? members : null;
    },

    async load(promotionId, snapshot, winners) {
      const k = keysOf(promotionId);
      await redis.del(k.staging);
      for (let i = 0; i < winners.length; i += WINNERS_CHUNK) {
        const [first, ...rest] = winners.slice(i, i + WINNERS_CHUNK);
        await redis.sadd(k.staging, first, ...rest);
      }
      await runScript(redis, SCRIPTS.load, [k.meta, k.stock, k.winners, k.staging], loadArgs(snapshot));
    },

    async drop(promotionId) {
      const k = keysOf(promotionId);
      await redis.del(k.meta, k.stock, k.winners, k.staging);
    },

    async hit(key, limit, windowMs, nowMs) {
      const k = rateLimitKeys(key, windowMs, nowMs);
      return Number(
        await runScript(redis, SCRIPTS.rateLimit, [prefix + k.current, prefix + k.previous], [limit, windowMs, k.elapsedMs]),
      );
    },

    async tryLock(promotionId, ttlMs) {
      const { lock } = keysOf(promotionId);
      const token = randomUUID();
      const ok = await redis.set(lock, token, { px: ttlMs, nx: true });
      if (ok !== "OK") return null;
      return async () => {
        await runScript(redis, SCRIPTS.unlock, [lock], [token]);
      };
    },

    async ping() {
      return (await redis.ping()) === "PONG";
    },

    async close() {
      // Nothing to close: each call is a stateless HTTP request.
    },
  };
}
