import type { StockEngine } from "@/lib/stock/engine";

// What this process knows of sold-out promotions: once a promotion is sold out its winners
// cannot change until a top-up or a release, so the instance holds them and answers everyone
// else "sold out" without any round trip. Only a hint: it expires after HINT_TTL_MS, so a top-up
// or a release on another instance reaches this one within that time; a top-up or a release
// made here forgets it at once.
const HINT_TTL_MS = 1_000;
// Beyond this many winners the set is not held; the claim script answers instead.
const MAX_HELD_WINNERS = 100_000;
// At most this many sold-out promotions at once; the oldest is forgotten first.
const MAX_PROMOTIONS = 1_000;

interface SoldOut {
  until: number;
  winners: ReadonlySet<string>;
}

const known = new Map<string, SoldOut>();
const learning = new Map<string, Promise<void>>();
// Bumped by every forget, so winners fetched before a release are never taken as current.
const forgets = new Map<string, number>();

/**
 * "sold out" when this process knows the promotion is sold out and the user is not one of its
 * winners; "winner" when they are; null when it does not know (ask the engine).
 */
export function soldOutVerdict(promotionId: string, userId: string, now = Date.now()): "sold out" | "winner" | null {
  const entry = known.get(promotionId);
  if (!entry) return null;
  if (entry.until <= now) {
    known.delete(promotionId);
    return null;
  }
  return entry.winners.has(userId) ? "winner" : "sold out";
}

/** The engine just said SOLD_OUT: fetch the winners once (one call shared by every request). */
export function learnSoldOut(stock: StockEngine, promotionId: string, totalStock: number): void {
  if (known.has(promotionId) || learning.has(promotionId) || totalStock > MAX_HELD_WINNERS) return;
  const forgetsBefore = forgets.get(promotionId) ?? 0;
  const load = stock
    .winners(promotionId)
    .then((winners) => {
      if (!winners || (forgets.get(promotionId) ?? 0) !== forgetsBefore) return;
      if (known.size >= MAX_PROMOTIONS) known.delete(known.keys().next().value!);
      known.set(promotionId, { until: Date.now() + HINT_TTL_MS, winners: new Set(winners) });
    })
    .catch(() => {}) // only a hint: without it the engine answers
    .finally(() => learning.delete(promotionId));
  learning.set(promotionId, load);
}

/** A top-up, a release or a reload happened here: this process's hint is no longer true. */
export function forgetSoldOut(promotionId: string): void {
  known.delete(promotionId);
  if (forgets.size >= MAX_PROMOTIONS && !forgets.has(promotionId)) forgets.delete(forgets.keys().next().value!);
  forgets.set(promotionId, (forgets.get(promotionId) ?? 0) + 1);
}
