// Shared by every storm test: one claim attempt as an outcome, and the exactness check.
import { expect } from "vitest";
import { claimCoupon } from "@/lib/claims/claim";
import { ApiError } from "@/lib/http/errors";
import type { Services } from "@/lib/services";

export type Outcome = { ok: true; userId: string; status: number } | { ok: false; userId: string; code: string; status: number };

export async function attempt(svc: Services, promotionId: string, userId: string): Promise<Outcome> {
  try {
    const result = await claimCoupon(svc, promotionId, userId);
    return { ok: true, userId, status: result.status };
  } catch (error) {
    if (error instanceof ApiError) return { ok: false, userId, code: error.code, status: error.status };
    throw error;
  }
}

/**
 * Exactly `stock` winners, each once; PostgreSQL holds exactly their rows, each with its own
 * coupon; the counter agrees; and the engine's remaining agrees with the database.
 */
export async function expectExact(svc: Services, promotionId: string, stock: number, winners: Outcome[]) {
  const rows = await svc.db.claim.findMany({ where: { promotionId } });
  const promotion = await svc.db.promotion.findUniqueOrThrow({ where: { id: promotionId } });
  expect(winners).toHaveLength(stock);
  expect(new Set(winners.map((w) => w.userId)).size).toBe(stock);
  expect(rows).toHaveLength(stock);
  expect(new Set(rows.map((r) => r.userId))).toEqual(new Set(winners.map((w) => w.userId)));
  expect(new Set(rows.map((r) => r.couponCode)).size).toBe(stock);
  expect(promotion.claimedCount).toBe(stock);
  expect((await svc.stock.snapshot(promotionId))?.remaining).toBe(promotion.totalStock - stock);
}

/** Every claim of the storm either won or was refused for running out (or a repeat). */
export function expectOnlySoldOut(outcomes: Outcome[]) {
  const others = outcomes.filter((o) => !o.ok && !["SOLD_OUT", "ALREADY_CLAIMED"].includes(o.code));
  expect(others).toEqual([]);
}
