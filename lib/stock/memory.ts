import { randomUUID } from "node:crypto";
import { boundedCache } from "@/lib/cache/lru";
import { changeChannel, createChangeFeed, memoryPubSub } from "./change-feed";
import type { ClaimDecision, OutcomeSecond, SessionState, StockEngine, StockSnapshot } from "./engine";
import { claimLimitKeys, onceKey, throttleKeys } from "./keys";

// The throttles' state is bounded like every in-process cache: a flood of new subjects evicts the
// least recently used ones instead of growing the heap (the local run serves one person anyway).
const THROTTLE_ENTRIES = 100_000;

interface LimitWindow {
  current: string;
  previous: string;
  elapsedMs: number;
}

interface PromotionStock extends StockSnapshot {
  winners: Set<string>;
  /** Wins by time (this process's clock), until their claim rows are confirmed. */
  reserved: Map<string, number>;
  loadId: string;
}

/**
 * In-process stock engine for the zero-service local run (one Node process only). Its clock is
 * this process's clock, which is then also the app's: there is no other server to disagree.
 * Each method runs to completion without awaiting, so on Node's single thread it is as atomic
 * as the Redis scripts it mirrors (lib/stock/scripts.ts); the same contract tests run on both.
 */
export function createMemoryEngine(): StockEngine {
  const promotions = new Map<string, PromotionStock>();
  const locks = new Map<string, { token: symbol; expiresAt: number }>();
  const counters = new Map<string, number>();
  // Live outcome figures: per promotion, its seconds and its triers (exact here), with expiries.
  const outcomes = new Map<
    string,
    { seconds: Map<number, OutcomeSecond & { expiresAt: number }>; triers: Set<string>; triersExpireAt: number }
  >();
  const bus = memoryPubSub();
  const sessions = new Map<string, { state: SessionState; expiresAt: number }>();
  // Each entry lives as long as its Redis key would (the TTL given to set).
  const windows = boundedCache<string, number>({ max: THROTTLE_ENTRIES, ttlMs: 60_000 });
  const failures = boundedCache<string, number>({ max: THROTTLE_ENTRIES, ttlMs: 60_000 });
  const throttleLocks = boundedCache<string, number>({ max: THROTTLE_ENTRIES, ttlMs: 60_000 }); // value: expiry (ms)
  const spent = boundedCache<string, true>({ max: THROTTLE_ENTRIES, ttlMs: 60_000 });

  /** The sliding-window estimate of lib/stock/scripts.ts: 0 when one more attempt fits, else the ms to wait. */
  function waitFor(w: LimitWindow, limit: number, windowMs: number): number {
    const current = counters.get(w.current) ?? 0;
    const previous = counters.get(w.previous) ?? 0;
    return previous * ((windowMs - w.elapsedMs) / windowMs) + current + 1 > limit ? Math.max(1, windowMs - w.elapsedMs) : 0;
  }
  function count(w: LimitWindow) {
    counters.set(w.current, (counters.get(w.current) ?? 0) + 1);
  }

  function sessionOf(userId: string): SessionState | undefined {
    const held = sessions.get(userId);
    if (held && held.expiresAt > Date.now()) return held.state;
    sessions.delete(userId);
    return undefined;
  }

  /** The promotion, if it is loaded and (when a load is named) still in that load. */
  function current(promotionId: string, loadId?: string): PromotionStock | undefined {
    const p = promotions.get(promotionId);
    return p && (!loadId || p.loadId === loadId) ? p : undefined;
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
      const now = Date.now();
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
      const cutoff = Date.now() - olderThanMs;
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
      return { startsAt, endsAt, paused, published, totalStock, remaining, engineNowMs: Date.now() };
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
      const now = Date.now();
      const held = locks.get(promotionId);
      if (held && held.expiresAt > now) return null;
      const token = Symbol(promotionId);
      locks.set(promotionId, { token, expiresAt: now + ttlMs });
      return async () => {
        if (locks.get(promotionId)?.token === token) locks.delete(promotionId);
      };
    },

    async recordOutcomes(promotionId, seconds, triers, ttl) {
      const now = Date.now();
      let o = outcomes.get(promotionId);
      if (!o || o.triersExpireAt <= now) o = { seconds: new Map(), triers: new Set(), triersExpireAt: 0 };
      outcomes.set(promotionId, o);
      for (const [second, s] of o.seconds) if (s.expiresAt <= now) o.seconds.delete(second);
      for (const userId of triers) o.triers.add(userId);
      if (triers.length > 0) o.triersExpireAt = now + ttl.triersTtlMs;
      for (const { second, counts, remaining } of seconds) {
        const s = o.seconds.get(second) ?? { second, counts: {}, remaining: null, expiresAt: 0 };
        for (const [field, n] of Object.entries(counts)) if (n !== 0) s.counts[field] = (s.counts[field] ?? 0) + n;
        if (remaining !== null && (s.remaining === null || remaining < s.remaining)) s.remaining = remaining;
        s.expiresAt = now + ttl.secondsTtlMs;
        o.seconds.set(second, s);
      }
      return o.triers.size;
    },

    async outcomes(promotionId, seconds) {
      const now = Date.now();
      const o = outcomes.get(promotionId);
      const found = seconds
        .map((second) => o?.seconds.get(second))
        .filter((s) => s !== undefined && s.expiresAt > now)
        .map((s) => ({ second: s!.second, counts: { ...s!.counts }, remaining: s!.remaining }));
      return { seconds: found, triers: o && o.triersExpireAt > now ? o.triers.size : 0 };
    },

    async sessionState(userId) {
      const held = sessionOf(userId);
      return held ? { ...held } : null;
    },

    async putSessionState(userId, state, ttlMs) {
      const held = sessionOf(userId);
      const expiresAt = Date.now() + Math.max(1, Math.round(ttlMs));
      if (held && held.revision > state.revision) return;
      if (held && held.revision === state.revision) sessions.set(userId, { state: held, expiresAt });
      else sessions.set(userId, { state: { ...state }, expiresAt });
    },

    async throttle(subject, limit, nowMs) {
      const k = throttleKeys(subject, limit.windowMs, nowMs);
      const now = Date.now();
      const lockedUntil = throttleLocks.get(k.lock);
      if (lockedUntil !== undefined && lockedUntil > now) return lockedUntil - now;
      const current = windows.get(k.current) ?? 0;
      const previous = windows.get(k.previous) ?? 0;
      const { windowMs } = limit;
      if (previous * ((windowMs - k.elapsedMs) / windowMs) + current + 1 > limit.limit)
        return Math.max(1, windowMs - k.elapsedMs);
      windows.set(k.current, current + 1, { ttl: windowMs * 2 });
      return 0;
    },

    async recordFailure(subject, policy) {
      const k = throttleKeys(subject, 1, 0);
      const now = Date.now();
      const count = (failures.get(k.failures) ?? 0) + 1;
      failures.set(k.failures, count, { ttl: policy.forgetMs });
      if (count < policy.after) return 0;
      const ms = Math.floor(Math.min(policy.baseMs * 2 ** Math.min(count - policy.after, 40), policy.maxMs));
      throttleLocks.set(k.lock, now + ms, { ttl: ms });
      return ms;
    },

    async clearFailures(subject) {
      failures.delete(throttleKeys(subject, 1, 0).failures);
    },

    async firstUse(token, ttlMs) {
      const key = onceKey(token);
      if (spent.get(key)) return false;
      spent.set(key, true, { ttl: Math.max(1, Math.ceil(ttlMs)) });
      return true;
    },

    async ping() {
      return true;
    },

    async close() {
      promotions.clear();
      await bus.close();
    },

    changes: createChangeFeed(bus, changeChannel()),
  };
}
