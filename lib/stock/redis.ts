import { randomUUID } from "node:crypto";
import { Cluster, Redis, type ClusterNode } from "ioredis";
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

/** The scripts as client commands; ioredis calls them by SHA and falls back to EVAL itself. */
interface ScriptCommands {
  couponClaim(meta: string, stock: string, winners: string, userId: string, now: number): Promise<[string, number]>;
  couponRelease(meta: string, stock: string, winners: string, userId: string): Promise<number>;
  couponRefund(meta: string, stock: string): Promise<number>;
  couponSettleSoldOut(meta: string, stock: string, winners: string, userId: string): Promise<number>;
  couponSnapshot(meta: string, stock: string): Promise<(string | null)[] | null>;
  couponLoad(meta: string, stock: string, winners: string, staging: string, ...args: string[]): Promise<number>;
  couponUnlock(lock: string, token: string): Promise<number>;
  couponRateLimit(current: string, previous: string, limit: number, windowMs: number, elapsedMs: number): Promise<number>;
}

type ScriptedClient = (Redis | Cluster) & ScriptCommands;

const WINNERS_CHUNK = 5_000;

// Short timeouts so a Redis outage becomes a quick 503, not a hung request.
const CONNECTION_OPTIONS = { connectTimeout: 2_000, commandTimeout: 2_000, maxRetriesPerRequest: 2 };

/** Stock engine over one Redis server (TCP). */
export function createRedisEngine(options: { url: string; keyPrefix?: string }): StockEngine {
  return createEngine("redis", new Redis(options.url, { ...CONNECTION_OPTIONS, keyPrefix: options.keyPrefix ?? "" }));
}

/**
 * Stock engine over a Redis Cluster. Every script touches the keys of one promotion only, and
 * those share the hash tag {id}, so each call goes to the one node that owns that slot.
 */
export function createRedisClusterEngine(options: { nodes: ClusterNode[]; keyPrefix?: string }): StockEngine {
  const cluster = new Cluster(options.nodes, {
    keyPrefix: options.keyPrefix ?? "",
    redisOptions: CONNECTION_OPTIONS,
    slotsRefreshTimeout: 2_000,
  });
  // While the cluster client reconnects it queues commands without a time limit (commandTimeout
  // only starts once a command is written to a node). Starting each command's timer when it is
  // issued bounds the whole wait, as maxRetriesPerRequest does for a single server.
  const send = cluster.sendCommand.bind(cluster);
  cluster.sendCommand = (command, stream, node) => {
    command.setTimeout(CONNECTION_OPTIONS.commandTimeout);
    return send(command, stream, node);
  };
  return createEngine("redis-cluster", cluster);
}

/** The engine body, the same for a single server and a cluster. */
function createEngine(name: "redis" | "redis-cluster", client: Redis | Cluster): StockEngine {
  const redis = client as ScriptedClient;
  redis.defineCommand("couponClaim", { numberOfKeys: 3, lua: CLAIM_SCRIPT });
  redis.defineCommand("couponRelease", { numberOfKeys: 3, lua: RELEASE_SCRIPT });
  redis.defineCommand("couponRefund", { numberOfKeys: 2, lua: REFUND_SCRIPT });
  redis.defineCommand("couponSettleSoldOut", { numberOfKeys: 3, lua: SETTLE_SOLD_OUT_SCRIPT });
  redis.defineCommand("couponSnapshot", { numberOfKeys: 2, lua: SNAPSHOT_SCRIPT });
  redis.defineCommand("couponLoad", { numberOfKeys: 4, lua: LOAD_SCRIPT });
  redis.defineCommand("couponRateLimit", { numberOfKeys: 2, lua: RATE_LIMIT_SCRIPT });
  redis.defineCommand("couponUnlock", { numberOfKeys: 1, lua: UNLOCK_SCRIPT });
  // Errors surface on the commands that fail; without a listener ioredis would also print each one.
  redis.on("error", () => {});

  return {
    name,

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

    async winners(promotionId) {
      const k = promotionKeys(promotionId);
      const [[, exists], [, members]] = (await redis.multi().exists(k.meta).smembers(k.winners).exec()) as [
        [Error | null, number],
        [Error | null, string[]],
      ];
      return exists ? members : null;
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

    async hit(key, limit, windowMs, nowMs) {
      const k = rateLimitKeys(key, windowMs, nowMs);
      return Number(await redis.couponRateLimit(k.current, k.previous, limit, windowMs, k.elapsedMs));
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
