import { randomUUID } from "node:crypto";
import { Redis } from "ioredis";
import type { ClaimDecision, StockEngine, StockSnapshot } from "./engine";
import { promotionKeys } from "./keys";
import {
  CLAIM_SCRIPT,
  LOAD_SCRIPT,
  REFUND_SCRIPT,
  RELEASE_SCRIPT,
  SETTLE_SOLD_OUT_SCRIPT,
  SNAPSHOT_SCRIPT,
  UNLOCK_SCRIPT,
  loadArgs,
  toDecision,
  toSnapshot,
} from "./scripts";

type ScriptedRedis = Redis & {
  couponClaim(meta: string, stock: string, winners: string, userId: string, now: number): Promise<[string, number]>;
  couponRelease(meta: string, stock: string, winners: string, userId: string): Promise<number>;
  couponRefund(meta: string, stock: string): Promise<number>;
  couponSettleSoldOut(meta: string, stock: string, winners: string, userId: string): Promise<number>;
  couponSnapshot(meta: string, stock: string): Promise<(string | null)[] | null>;
  couponLoad(meta: string, stock: string, winners: string, staging: string, ...args: string[]): Promise<number>;
  couponUnlock(lock: string, token: string): Promise<number>;
};

const WINNERS_CHUNK = 5_000;

/**
 * Stock engine over Redis TCP (ioredis). Scripts are sent once and then called by SHA
 * (ioredis falls back to EVAL after a script cache flush). Timeouts are short so a Redis
 * outage becomes a quick 503, not a hung request.
 */
export function createRedisEngine(options: { url: string; keyPrefix?: string }): StockEngine {
  const redis = new Redis(options.url, {
    keyPrefix: options.keyPrefix ?? "",
    connectTimeout: 2_000,
    commandTimeout: 2_000,
    maxRetriesPerRequest: 2,
    lazyConnect: false,
  }) as ScriptedRedis;
  redis.defineCommand("couponClaim", { numberOfKeys: 3, lua: CLAIM_SCRIPT });
  redis.defineCommand("couponRelease", { numberOfKeys: 3, lua: RELEASE_SCRIPT });
  redis.defineCommand("couponRefund", { numberOfKeys: 2, lua: REFUND_SCRIPT });
  redis.defineCommand("couponSettleSoldOut", { numberOfKeys: 3, lua: SETTLE_SOLD_OUT_SCRIPT });
  redis.defineCommand("couponSnapshot", { numberOfKeys: 2, lua: SNAPSHOT_SCRIPT });
  redis.defineCommand("couponLoad", { numberOfKeys: 4, lua: LOAD_SCRIPT });
  redis.defineCommand("couponUnlock", { numberOfKeys: 1, lua: UNLOCK_SCRIPT });
  // Errors surface on the commands that fail; without a listener ioredis would also print each one.
  redis.on("error", () => {});

  return {
    name: "redis",

    async claim(promotionId, userId, nowMs): Promise<ClaimDecision> {
      const k = promotionKeys(promotionId);
      return toDecision(await redis.couponClaim(k.meta, k.stock, k.winners, userId, nowMs));
    },

    async release(promotionId, userId) {
      const k = promotionKeys(promotionId);
      await redis.couponRelease(k.meta, k.stock, k.winners, userId);
    },

    async refund(promotionId) {
      const k = promotionKeys(promotionId);
      await redis.couponRefund(k.meta, k.stock);
    },

    async settleSoldOut(promotionId, userId) {
      const k = promotionKeys(promotionId);
      await redis.couponSettleSoldOut(k.meta, k.stock, k.winners, userId);
    },

    async snapshot(promotionId): Promise<StockSnapshot | null> {
      const k = promotionKeys(promotionId);
      return toSnapshot(await redis.couponSnapshot(k.meta, k.stock));
    },

    async load(promotionId, snapshot, winners) {
      const k = promotionKeys(promotionId);
      await redis.del(k.staging);
      for (let i = 0; i < winners.length; i += WINNERS_CHUNK) {
        await redis.sadd(k.staging, ...winners.slice(i, i + WINNERS_CHUNK));
      }
      await redis.couponLoad(k.meta, k.stock, k.winners, k.staging, ...loadArgs(snapshot));
    },

    async drop(promotionId) {
      const k = promotionKeys(promotionId);
      await redis.del(k.meta, k.stock, k.winners, k.staging);
    },

    async tryLock(promotionId, ttlMs) {
      const { lock } = promotionKeys(promotionId);
      const token = randomUUID();
      const ok = await redis.set(lock, token, "PX", ttlMs, "NX");
      if (ok !== "OK") return null;
      return async () => {
        await redis.couponUnlock(lock, token);
      };
    },

    async ping() {
      return (await redis.ping()) === "PONG";
    },

    async close() {
      redis.disconnect();
    },
  };
}
