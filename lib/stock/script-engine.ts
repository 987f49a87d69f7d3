import { randomUUID } from "node:crypto";
import { changeChannel, createChangeFeed, type PubSubTransport } from "./change-feed";
import type { EngineName, StockEngine } from "./engine";
import { claimLimitKeys, onceKey, outcomeKeys, promotionKeys, sessionStateKey, throttleKeys, type PromotionKeys } from "./keys";
import * as S from "./scripts";

/**
 * How a Redis engine reaches its server: run a script by SHA or in full. ioredis (TCP, single
 * node or Cluster) and @upstash/redis (REST) are the two transports; everything else is here.
 */
export interface ScriptTransport {
  evalsha(sha: string, keys: string[], args: (string | number)[]): Promise<unknown>;
  eval(lua: string, keys: string[], args: (string | number)[]): Promise<unknown>;
  ping(): Promise<boolean>;
  close(): Promise<void>;
  /** Pub/sub for the live admin screens; absent where connections are not long-lived (REST). */
  pubsub?: PubSubTransport;
}

// Adding winners to the staging set in chunks keeps every script call (and Lua's unpack) small.
const WINNERS_CHUNK = 5_000;

const isNoScript = (error: unknown) => error instanceof Error && error.message.includes("NOSCRIPT");

/** The Redis stock engine: every operation is one of the scripts of lib/stock/scripts.ts. */
export function createScriptEngine(name: EngineName, transport: ScriptTransport, keyPrefix = ""): StockEngine {
  /**
   * Runs a script by its SHA; when the server does not know it (first call, or its script cache
   * was flushed) sends it once in full with EVAL, which also caches it for the next EVALSHA.
   */
  async function run<K, T>(script: S.LuaScript<K>, k: K, args: (string | number)[] = []): Promise<T> {
    const keys = script.keys(k);
    try {
      return (await transport.evalsha(script.sha, keys, args)) as T;
    } catch (error) {
      if (!isNoScript(error)) throw error;
      return (await transport.eval(script.lua, keys, args)) as T;
    }
  }
  const keysOf = (promotionId: string) => promotionKeys(promotionId, keyPrefix);

  return {
    name,

    async claim(promotionId, userId, nowMs, limits = []) {
      const windows = limits.map((l) => claimLimitKeys(promotionId, l.subject, l.windowMs, nowMs, keyPrefix));
      const args = [userId, ...limits.flatMap((l, i) => [l.limit, l.windowMs, windows[i].elapsedMs])];
      return S.toDecision(await run(S.CLAIM, { promotion: keysOf(promotionId), limits: windows }, args));
    },

    async release(promotionId, userId, loadId = "") {
      await run(S.RELEASE, keysOf(promotionId), [userId, loadId]);
    },

    async refund(promotionId, userId, loadId) {
      await run(S.REFUND, keysOf(promotionId), [userId, loadId]);
    },

    async settleSoldOut(promotionId, userId, loadId) {
      await run(S.SETTLE_SOLD_OUT, keysOf(promotionId), [userId, loadId]);
    },

    async reservedBefore(promotionId, olderThanMs) {
      const reply = await run<PromotionKeys, string[] | null>(S.RESERVED_BEFORE, keysOf(promotionId), [olderThanMs]);
      if (!reply) return null;
      const [loadId, ...userIds] = reply;
      return { loadId, userIds };
    },

    async confirm(promotionId, userIds) {
      if (userIds.length > 0) await run(S.CONFIRM, keysOf(promotionId), [...userIds]);
    },

    async snapshot(promotionId) {
      return S.toSnapshot(await run(S.SNAPSHOT, keysOf(promotionId)));
    },

    async winners(promotionId) {
      return run<PromotionKeys, string[] | null>(S.WINNERS, keysOf(promotionId));
    },

    async load(promotionId, snapshot, winners) {
      const k = keysOf(promotionId);
      await run(S.DROP_STAGING, k);
      for (let i = 0; i < winners.length; i += WINNERS_CHUNK) {
        await run(S.STAGE_WINNERS, k, winners.slice(i, i + WINNERS_CHUNK));
      }
      await run(S.LOAD, k, S.loadArgs(snapshot, randomUUID()));
    },

    async drop(promotionId) {
      await run(S.DROP, keysOf(promotionId));
    },

    async tryLock(promotionId, ttlMs) {
      const k = keysOf(promotionId);
      const token = randomUUID();
      if (Number(await run(S.LOCK, k, [token, ttlMs])) !== 1) return null;
      return async () => {
        await run(S.UNLOCK, k, [token]);
      };
    },

    async recordOutcomes(promotionId, seconds, triers, ttl) {
      const k = outcomeKeys(
        promotionId,
        seconds.map((s) => s.second),
        keyPrefix,
      );
      return Number(await run(S.RECORD_OUTCOMES, k, S.recordOutcomesArgs(seconds, triers, ttl)));
    },

    async outcomes(promotionId, seconds) {
      const reply = await run<{ triers: string; seconds: string[] }, [number, ...string[][]]>(
        S.READ_OUTCOMES,
        outcomeKeys(promotionId, seconds, keyPrefix),
      );
      return S.toOutcomes(seconds, reply);
    },

    async sessionState(userId) {
      return S.decodeSessionState(await run<string, string | null>(S.SESSION_STATE, sessionStateKey(userId, keyPrefix)));
    },

    async putSessionState(userId, state, ttlMs) {
      const args = [state.revision, S.encodeSessionState(state), Math.max(1, Math.round(ttlMs))];
      await run(S.PUT_SESSION_STATE, sessionStateKey(userId, keyPrefix), args);
    },

    async throttle(subject, limit, nowMs) {
      const k = throttleKeys(subject, limit.windowMs, nowMs, keyPrefix);
      return Number(await run(S.THROTTLE, k, [limit.limit, limit.windowMs, k.elapsedMs]));
    },

    async recordFailure(subject, policy) {
      const k = throttleKeys(subject, 1, 0, keyPrefix);
      return Number(await run(S.RECORD_FAILURE, k, [policy.after, policy.baseMs, policy.maxMs, policy.forgetMs]));
    },

    async clearFailures(subject) {
      await run(S.CLEAR_FAILURES, throttleKeys(subject, 1, 0, keyPrefix));
    },

    async firstUse(token, ttlMs) {
      return Number(await run(S.FIRST_USE, onceKey(token, keyPrefix), [Math.max(1, Math.ceil(ttlMs))])) === 1;
    },

    ping: () => transport.ping(),
    close: async () => {
      await Promise.all([transport.close(), transport.pubsub?.close()]);
    },
    changes: transport.pubsub ? createChangeFeed(transport.pubsub, changeChannel(keyPrefix)) : null,
  };
}
