// Shared by every storm test: one claim attempt as an outcome, and the exactness check.
import { expect } from "vitest";
import { claimCoupon, type ClaimSuccess } from "@/lib/claims/claim";
import { DomainError } from "@/lib/errors/domain-error";
import { errorReply } from "@/lib/http/errors";
import type { Services } from "@/lib/services";

export type Outcome = { ok: true; userId: string; status: number } | { ok: false; userId: string; code: string; status: number };

export async function attempt(svc: Services, promotionId: string, userId: string): Promise<Outcome> {
  try {
    return { ok: true, userId, status: successStatus(await claimCoupon(svc, { promotionId, userId })) };
  } catch (error) {
    if (error instanceof DomainError) return { ok: false, userId, ...httpError(error) };
    throw error;
  }
}

/** The status the claim route answers a success with. */
export const successStatus = ({ claim }: ClaimSuccess) => (claim.status === "PENDING" ? 202 : 201);

/** What an HTTP client sees of a domain error, through the API's one error table. */
export function httpError(error: DomainError) {
  const { status, body } = errorReply(error);
  return { status, code: error.code, extra: error.extra, body };
}

/** The HTTP status and error code a claim comes to, as the claim route would answer it. */
export async function httpOutcome(claim: Promise<ClaimSuccess>) {
  try {
    return { status: successStatus(await claim) };
  } catch (error) {
    if (error instanceof DomainError) return httpError(error);
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
  expect((await svc.engine.stock.snapshot(promotionId))?.remaining).toBe(promotion.totalStock - stock);
}

/** Every claim of the storm either won or was refused for running out (or a repeat). */
export function expectOnlySoldOut(outcomes: Outcome[]) {
  const others = outcomes.filter((o) => !o.ok && !["SOLD_OUT", "ALREADY_CLAIMED"].includes(o.code));
  expect(others).toEqual([]);
}
