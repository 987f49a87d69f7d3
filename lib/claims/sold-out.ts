import { boundedCache } from "@/lib/cache/lru";
import { singleFlight } from "@/lib/cache/single-flight";
import type { StockStore } from "@/lib/engine/stock/store";
import { processState } from "@/lib/process-state";

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

// One per process (lib/process-state.ts): a top-up handled by the admin route must clear the hint
// the claim's fast lane reads.
const { known, learning, forgets } = processState("claims/sold-out", () => ({
  // Per sold-out promotion, its winners.
  known: boundedCache<string, ReadonlySet<string>>({ max: MAX_PROMOTIONS, ttlMs: HINT_TTL_MS }),
  // One fetch of the winners at a time per promotion, shared by every SOLD_OUT meanwhile.
  learning: singleFlight<string, void>(),
  // Bumped by every forget, so winners fetched before a release are never taken as current.
  forgets: boundedCache<string, number>({ max: MAX_PROMOTIONS }),
}));

/**
 * "sold out" when this process knows the promotion is sold out and the user is not one of its
 * winners; "winner" when they are; null when it does not know (ask the engine).
 */
export function soldOutVerdict(promotionId: string, userId: string): "sold out" | "winner" | null {
  const winners = known.get(promotionId);
  if (!winners) return null;
  return winners.has(userId) ? "winner" : "sold out";
}

/** The engine just said SOLD_OUT: fetch the winners once (one call shared by every request). */
export function learnSoldOut(stock: StockStore, promotionId: string, totalStock: number): void {
  if (known.has(promotionId) || totalStock > MAX_HELD_WINNERS) return;
  void learning(promotionId, async () => {
    const forgetsBefore = forgets.get(promotionId) ?? 0;
    const winners = await stock.winners(promotionId).catch(() => null); // only a hint: without it the engine answers
    if (!winners || (forgets.get(promotionId) ?? 0) !== forgetsBefore) return;
    known.set(promotionId, new Set(winners));
  });
}

/** A top-up, a release or a reload happened here: this process's hint is no longer true. */
export function forgetSoldOut(promotionId: string): void {
  known.delete(promotionId);
  forgets.set(promotionId, (forgets.get(promotionId) ?? 0) + 1);
}
