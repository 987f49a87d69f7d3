import { randomUUID } from "node:crypto";
import { boundedCache, type Clock } from "@/lib/cache/lru";
import { claimLimitKeys } from "../keys";
import { memoryWindows } from "../sliding-window";
import type { StockSnapshot, StockStore } from "./store";

// Loaded promotions held at most; the least recently used one is forgotten (the next claim
// answers MISSING and it is rebuilt from PostgreSQL, as after a Redis eviction).
const PROMOTIONS = 10_000;
// Rate-limit counters held at most (each also expires two windows after its last count).
const LIMIT_COUNTERS = 100_000;

interface PromotionStock extends StockSnapshot {
  winners: Set<string>;
  /** Wins by time (the engine's clock), until their claim rows are confirmed. */
  reserved: Map<string, number>;
  loadId: string;
}

/**
 * Stock and claims in this process, mirroring ./scripts.ts. Each method runs to completion
 * without awaiting, so on Node's single thread it is as atomic as the Redis script it mirrors.
 */
export function memoryStockStore(clock: Clock): StockStore {
  const promotions = boundedCache<string, PromotionStock>({ max: PROMOTIONS, now: clock });
  const locks = boundedCache<string, { token: symbol; expiresAt: number }>({ max: PROMOTIONS, now: clock });
  const windows = memoryWindows(clock, LIMIT_COUNTERS);

  /** The promotion, if it is loaded and (when a load is named) still in that load. */
  function current(promotionId: string, loadId?: string): PromotionStock | undefined {
    const p = promotions.get(promotionId);
    return p && (!loadId || p.loadId === loadId) ? p : undefined;
  }

  return {
    async claim(promotionId, userId, nowMs, limits = []) {
      const p = promotions.get(promotionId);
      if (!p) return { kind: "MISSING" };
      const counted = limits.map((l) => ({ limit: l, keys: claimLimitKeys(promotionId, l.subject, l.windowMs, nowMs) }));
      // Like the script: the first limit that refuses answers, and then nothing is counted.
      for (const { limit, keys } of counted) {
        const retryAfterMs = windows.wait(keys, limit);
        if (retryAfterMs > 0) return { kind: "RATE_LIMITED", retryAfterMs };
      }
      for (const { limit, keys } of counted) windows.count(keys, limit);
      if (!p.published) return { kind: "NOT_FOUND" };
      if (p.winners.has(userId)) return { kind: "ALREADY_CLAIMED" };
      const now = clock();
      if (now < p.startsAt) return { kind: "NOT_STARTED", startsAt: p.startsAt, engineNowMs: now };
      if (now >= p.endsAt) return { kind: "ENDED" };
      if (p.paused) return { kind: "PAUSED" };
      if (p.remaining <= 0) return { kind: "SOLD_OUT" };
      p.remaining -= 1;
      p.winners.add(userId);
      p.reserved.set(userId, now);
      return { kind: "WON", remaining: p.remaining, loadId: p.loadId };
    },

    async release(promotionId, userId, loadId) {
      const p = current(promotionId, loadId);
      if (!p) return;
      p.reserved.delete(userId);
      if (p.winners.delete(userId)) p.remaining += 1;
    },

    async refund(promotionId, userId, loadId) {
      const p = current(promotionId, loadId);
      if (!p) return;
      p.reserved.delete(userId);
      p.remaining += 1;
    },

    async settleSoldOut(promotionId, userId, loadId) {
      const p = current(promotionId, loadId);
      if (!p) return;
      p.reserved.delete(userId);
      p.winners.delete(userId);
      p.remaining = 0;
    },

    async reservedBefore(promotionId, olderThanMs) {
      const p = promotions.get(promotionId);
      if (!p) return null;
      const cutoff = clock() - olderThanMs;
      const userIds = [...p.reserved].filter(([, at]) => at <= cutoff).map(([userId]) => userId);
      return { loadId: p.loadId, userIds: userIds.slice(0, 1_000) };
    },

    async confirm(promotionId, userIds) {
      const p = promotions.get(promotionId);
      for (const userId of userIds) p?.reserved.delete(userId);
    },

    async snapshot(promotionId) {
      const p = promotions.get(promotionId);
      if (!p) return null;
      const { startsAt, endsAt, paused, published, totalStock, remaining } = p;
      return { startsAt, endsAt, paused, published, totalStock, remaining, engineNowMs: clock() };
    },

    async winners(promotionId) {
      const p = promotions.get(promotionId);
      return p ? [...p.winners] : null;
    },

    async load(promotionId, snapshot, winners) {
      const { startsAt, endsAt, paused, published, totalStock, remaining } = snapshot;
      promotions.set(promotionId, {
        ...{ startsAt, endsAt, paused, published, totalStock, remaining },
        winners: new Set(winners),
        reserved: new Map(),
        loadId: randomUUID(),
      });
    },

    async drop(promotionId) {
      promotions.delete(promotionId);
    },

    async tryLock(promotionId, ttlMs) {
      const now = clock();
      const held = locks.get(promotionId);
      if (held && held.expiresAt > now) return null;
      const token = Symbol(promotionId);
      locks.set(promotionId, { token, expiresAt: now + ttlMs }, { ttl: ttlMs });
      return async () => {
        if (locks.get(promotionId)?.token === token) locks.delete(promotionId);
      };
    },
  };
}
