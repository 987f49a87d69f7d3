import type { ClaimDecision, StockEngine, StockSnapshot } from "./engine";
import { claimLimitKeys, rateLimitKeys } from "./keys";

interface LimitWindow {
  current: string;
  previous: string;
  elapsedMs: number;
}

interface PromotionStock extends StockSnapshot {
  winners: Set<string>;
}

/**
 * In-process stock engine for the zero-service local run (one Node process only).
 * Each method runs to completion without awaiting, so on Node's single thread it is as atomic
 * as the Redis scripts it mirrors (lib/stock/scripts.ts); the same contract tests run on both.
 */
export function createMemoryEngine(): StockEngine {
  const promotions = new Map<string, PromotionStock>();
  const locks = new Map<string, { token: symbol; expiresAt: number }>();
  const counters = new Map<string, number>();

  /** The sliding-window estimate of lib/stock/scripts.ts: 0 when one more attempt fits, else the ms to wait. */
  function waitFor(w: LimitWindow, limit: number, windowMs: number): number {
    const current = counters.get(w.current) ?? 0;
    const previous = counters.get(w.previous) ?? 0;
    return previous * ((windowMs - w.elapsedMs) / windowMs) + current + 1 > limit ? Math.max(1, windowMs - w.elapsedMs) : 0;
  }
  function count(w: LimitWindow) {
    counters.set(w.current, (counters.get(w.current) ?? 0) + 1);
  }

  return {
    name: "memory",

    async claim(promotionId, userId, nowMs, limits = []): Promise<ClaimDecision> {
      const p = promotions.get(promotionId);
      if (!p) return { kind: "MISSING" };
      const windows = limits.map((l) => ({ ...l, ...claimLimitKeys(promotionId, l.subject, l.windowMs, nowMs) }));
      const retryAfterMs = Math.max(0, ...windows.map((w) => waitFor(w, w.limit, w.windowMs)));
      if (retryAfterMs > 0) return { kind: "RATE_LIMITED", retryAfterMs };
      for (const w of windows) {
        count(w);
        counters.delete(claimLimitKeys(promotionId, w.subject, w.windowMs, nowMs - 2 * w.windowMs).current);
      }
      if (!p.published) return { kind: "NOT_FOUND" };
      if (p.winners.has(userId)) return { kind: "ALREADY_CLAIMED" };
      if (nowMs < p.startsAt) return { kind: "NOT_STARTED", startsAt: p.startsAt };
      if (nowMs >= p.endsAt) return { kind: "ENDED" };
      if (p.paused) return { kind: "PAUSED" };
      if (p.remaining <= 0) return { kind: "SOLD_OUT" };
      p.remaining -= 1;
      p.winners.add(userId);
      return { kind: "WON", remaining: p.remaining };
    },

    async release(promotionId, userId) {
      const p = promotions.get(promotionId);
      if (p?.winners.delete(userId)) p.remaining += 1;
    },

    async refund(promotionId) {
      const p = promotions.get(promotionId);
      if (p) p.remaining += 1;
    },

    async settleSoldOut(promotionId, userId) {
      const p = promotions.get(promotionId);
      if (!p) return;
      p.winners.delete(userId);
      p.remaining = 0;
    },

    async snapshot(promotionId) {
      const p = promotions.get(promotionId);
      if (!p) return null;
      const { winners: _winners, ...snapshot } = p;
      return snapshot;
    },

    async winners(promotionId) {
      const p = promotions.get(promotionId);
      return p ? [...p.winners] : null;
    },

    async load(promotionId, snapshot, winners) {
      promotions.set(promotionId, { ...snapshot, winners: new Set(winners) });
    },

    async drop(promotionId) {
      promotions.delete(promotionId);
    },

    async hit(key, limit, windowMs, nowMs) {
      const window = rateLimitKeys(key, windowMs, nowMs);
      const wait = waitFor(window, limit, windowMs);
      if (wait === 0) count(window);
      // Windows older than the previous one no longer count.
      counters.delete(rateLimitKeys(key, windowMs, nowMs - 2 * windowMs).current);
      return wait;
    },

    async tryLock(promotionId, ttlMs) {
      const now = Date.now();
      const held = locks.get(promotionId);
      if (held && held.expiresAt > now) return null;
      const token = Symbol(promotionId);
      locks.set(promotionId, { token, expiresAt: now + ttlMs });
      return async () => {
        if (locks.get(promotionId)?.token === token) locks.delete(promotionId);
      };
    },

    async ping() {
      return true;
    },

    async close() {
      promotions.clear();
    },
  };
}
