// Promotions this instance has recently seen sold out are refused without a Redis round trip.
// Only a hint: it expires after a second, so a stock top-up reaches every instance within 1 s.
const HINT_TTL_MS = 1_000;
const soldOutUntil = new Map<string, number>();

export function isKnownSoldOut(promotionId: string, now = Date.now()): boolean {
  const until = soldOutUntil.get(promotionId);
  if (until === undefined) return false;
  if (until > now) return true;
  soldOutUntil.delete(promotionId);
  return false;
}

export function markSoldOut(promotionId: string, now = Date.now()): void {
  soldOutUntil.set(promotionId, now + HINT_TTL_MS);
}

export function clearSoldOut(promotionId: string): void {
  soldOutUntil.delete(promotionId);
}
