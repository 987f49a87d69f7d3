import { randomUUID } from "node:crypto";
import { isUniqueViolation } from "@/lib/db";
import { DomainError, notFound, unavailable } from "@/lib/errors/domain-error";
import { assertEligible } from "@/lib/issuance/validator";
import { log } from "@/lib/log";
import { getClaimConfig, type ClaimConfig } from "@/lib/promotions/claim-config";
import type { Services } from "@/lib/services";
import type { ClaimDecision } from "@/lib/stock/engine";
import { rebuildPromotion } from "@/lib/stock/rebuild";
import { newCouponCode } from "./coupon-code";
import { isKnownSoldOut, markSoldOut } from "./sold-out-hint";
import { claimView, type ClaimView } from "./view";

/** A durable claim: ISSUED with its code (built-in issuer) or PENDING (an external issuer's worker follows). */
export interface ClaimSuccess {
  claim: ClaimView;
  remaining: number;
}

const soldOut = () => new DomainError("SOLD_OUT", "All coupons have been claimed.");

/**
 * The cheapest answer first: a promotion this instance saw sold out within the last second is
 * refused without any Redis or database round trip (a top-up reaches every instance within 1 s).
 */
export function rejectIfKnownSoldOut(promotionId: string): void {
  if (isKnownSoldOut(promotionId)) throw soldOut();
}

/**
 * One person claims one coupon of one promotion.
 * 1. The promotion's eligibility service, if it has one, is asked first (nothing reserved yet).
 * 2. The stock engine decides in one atomic step (window, pause, one per user, stock).
 * 3. A winner is written to PostgreSQL in one statement that also enforces the stock limit
 *    there; only then does the caller hear "you got it" (201 issued, or 202 when an external
 *    coupon service issues it later: the PENDING row is the worker's outbox).
 * 4. If that write fails, the engine's decision is undone and the caller gets 503.
 */
export async function claimCoupon(
  services: Services,
  promotionId: string,
  userId: string,
  email: string | null = null,
): Promise<ClaimSuccess> {
  const config = await getClaimConfig(services.db, promotionId);
  if (!config) throw notFound();
  if (config.validator) await assertEligible(config.validator, { promotionId, userId, email });
  for (let round = 1; ; round++) {
    const decision = await decide(services, promotionId, userId);
    if (decision.kind === "WON") return persistWinner(services, config, promotionId, userId, decision.remaining);
    if (decision.kind !== "ALREADY_CLAIMED") throw rejection(promotionId, decision);
    const existing = await waitForClaim(services, promotionId, userId);
    if (existing) throw alreadyClaimed(existing);
    // The engine names this person a winner but no row appeared: that claim was undone meanwhile
    // (ask again), or its process died between the script and the write (a phantom winner:
    // reload the promotion from the database, which drops it).
    if (round === 2) await rebuildPromotion(services, promotionId, true);
    if (round === 3) throw unavailable("Your earlier claim is still being processed. Please retry.");
  }
}

/**
 * The engine's decision. When it holds no keys for the promotion they are rebuilt from
 * PostgreSQL; a few tries, since Redis may be flushed again while a storm goes on.
 */
async function decide(
  services: Services,
  promotionId: string,
  userId: string,
): Promise<Exclude<ClaimDecision, { kind: "MISSING" }>> {
  for (let tries = 0; tries < 3; tries++) {
    const decision = await services.stock.claim(promotionId, userId, Date.now());
    if (decision.kind !== "MISSING") return decision;
    if (!(await rebuildPromotion(services, promotionId))) throw notFound();
  }
  throw unavailable("Stock is being rebuilt. Please retry.");
}

function rejection(
  promotionId: string,
  decision: Exclude<ClaimDecision, { kind: "WON" | "ALREADY_CLAIMED" | "MISSING" }>,
): DomainError {
  switch (decision.kind) {
    case "SOLD_OUT":
      markSoldOut(promotionId);
      return soldOut();
    case "NOT_STARTED":
      return new DomainError("NOT_STARTED", "This promotion has not started yet.", {
        startsAt: new Date(decision.startsAt).toISOString(),
        serverTime: new Date().toISOString(),
      });
    case "ENDED":
      return new DomainError("ENDED", "This promotion has ended.");
    case "PAUSED":
      return new DomainError("PAUSED", "This promotion is paused. Please try again later.");
    case "NOT_FOUND":
      return notFound();
  }
}

interface ClaimRow {
  id: string;
  promotionId: string;
  status: string;
  couponCode: string | null;
  claimedAt: Date;
}

async function persistWinner(
  services: Services,
  config: ClaimConfig,
  promotionId: string,
  userId: string,
  remaining: number,
): Promise<ClaimSuccess> {
  const { db, stock } = services;
  // The built-in issuer mints the code now; an external one is asked by the worker after commit.
  const builtin = config.issuer.type === "BUILTIN";
  const status = builtin ? "ISSUED" : "PENDING";
  const couponCode = builtin ? newCouponCode() : null;
  let rows: ClaimRow[];
  try {
    // One statement: the stock guard (claimedCount < totalStock) and the claim row (unique per
    // promotion + user among active claims) commit together or not at all.
    rows = await db.$queryRaw<ClaimRow[]>`
      WITH guard AS (
        UPDATE "Promotion" SET "claimedCount" = "claimedCount" + 1
        WHERE id = ${promotionId} AND "claimedCount" < "totalStock"
        RETURNING id
      )
      INSERT INTO "Claim" (id, "promotionId", "userId", status, "couponCode", "nextAttemptAt", "claimedAt", "updatedAt")
      SELECT ${randomUUID()}, guard.id, ${userId}, ${status}::"ClaimStatus", ${couponCode},
        CASE WHEN ${builtin} THEN NULL ELSE now() END, now(), now()
      FROM guard
      RETURNING id, "promotionId", status::text AS status, "couponCode", "claimedAt"`;
  } catch (error) {
    if (isUniqueViolation(error)) {
      // The database already has this person's claim; the engine did not know (it was rebuilt
      // while that claim was in flight). They stay a winner; the coupon just taken goes back.
      await stock.refund(promotionId);
      const existing = await waitForClaim(services, promotionId, userId);
      if (existing) throw alreadyClaimed(existing);
      throw unavailable("Your claim could not be saved. Please retry.");
    }
    log("error", "claim write failed; releasing the reserved coupon", { promotionId, userId, error });
    await stock.release(promotionId, userId).catch((e) => log("error", "release failed", { promotionId, userId, error: e }));
    throw unavailable("Your claim could not be saved. Nothing was taken; please retry.");
  }
  if (rows.length === 0) {
    // The database's guard says the stock is gone: the engine was too generous (it was rebuilt
    // while winners were in flight). Tell the engine; the next top-up reloads it anyway.
    await stock.settleSoldOut(promotionId, userId);
    markSoldOut(promotionId);
    throw soldOut();
  }
  return { claim: claimView(rows[0]), remaining: Math.max(remaining, 0) };
}

const IN_FLIGHT_WAIT_MS = 50;
const IN_FLIGHT_TRIES = 20;

/**
 * The person's claim row. The engine can know a winner a moment before the row commits
 * (a parallel request of the same person), so wait briefly for it.
 */
async function waitForClaim({ db }: Services, promotionId: string, userId: string) {
  for (let attempt = 0; attempt < IN_FLIGHT_TRIES; attempt++) {
    const claim = await db.claim.findFirst({ where: { promotionId, userId, status: { in: ["PENDING", "ISSUED"] } } });
    if (claim) return claim;
    await new Promise((resolve) => setTimeout(resolve, IN_FLIGHT_WAIT_MS));
  }
  return null;
}

const alreadyClaimed = (claim: Parameters<typeof claimView>[0]) =>
  new DomainError("ALREADY_CLAIMED", "You already have this coupon.", { claim: claimView(claim) });
