import { randomUUID } from "node:crypto";
import { isUniqueViolation } from "@/lib/db";
import type { ClaimDecision, RateLimit } from "@/lib/engine/stock/store";
import { DomainError, notFound, unavailable } from "@/lib/errors/domain-error";
import { fairStartGate } from "@/lib/fair-start/claim-gate";
import { assertEligible } from "@/lib/issuance/validator";
import { markChanged } from "@/lib/live/changes";
import { log } from "@/lib/log";
import { getClaimConfig, type ClaimConfig } from "@/lib/promotions/claim-config";
import { rebuildPromotion } from "@/lib/promotions/rebuild";
import type { Services } from "@/lib/services";
import { newCouponCode } from "./coupon-code";
import { committingClaim, issuedClaim, rememberCommitting, rememberIssued } from "./issued-claims";
import { findActiveClaim } from "./person-claims";
import { forgetSoldOut, learnSoldOut, soldOutVerdict } from "./sold-out";
import { claimView, type ClaimView } from "./view";
import { recordWinner } from "./winner-batch";

/** A durable claim: ISSUED with its code (built-in issuer) or PENDING (an external issuer's worker follows). */
export interface ClaimSuccess {
  claim: ClaimView;
  remaining: number;
}

/** Who claims which promotion, with what the endpoint knows of the request. */
export interface ClaimRequest {
  promotionId: string;
  userId: string;
  /** Handed to the promotion's eligibility service, if it has one. */
  email?: string | null;
  /** The rate limits the claim script checks and counts in the same step (lib/claims/limits.ts). */
  limits?: readonly RateLimit[];
  /** Starts the session check (lib/http/route.ts); settled already when omitted. */
  sessionGate?: () => Promise<void>;
}

type ClaimStep = Required<Omit<ClaimRequest, "sessionGate">> & {
  verdict: ReturnType<typeof soldOutVerdict>;
  sessionGate: Promise<void>;
};

// The sold-out answer, built once per process: a storm of late presses hears it tens of thousands
// of times a second, and constructing the error each time was 3% of a sold-out burst's CPU
// (bench/RESULTS.md, the cold bursts). Frozen, so nothing on the way can change what the next
// caller hears.
const SOLD_OUT = new DomainError("SOLD_OUT", "All coupons have been claimed.");
Object.freeze(SOLD_OUT.extra);
Object.freeze(SOLD_OUT);
const soldOut = () => SOLD_OUT;

/**
 * One person claims one coupon of one promotion.
 * 0. A promotion this process knows is sold out answers at once: "sold out" to everyone but its
 *    winners, who hear ALREADY_CLAIMED with their claim. No Redis round trip.
 * 1. The promotion's eligibility service, if it has one, is asked first (nothing reserved yet).
 * 2. The stock engine decides in one atomic step (rate limits, window, pause, one per user, stock).
 * 3. A winner is written to PostgreSQL with the other winners of the same moment, in one
 *    statement that also enforces the stock limit there; only after it commits does the caller
 *    hear "you got it" (ISSUED, or PENDING when an external coupon service issues it later: the
 *    PENDING row is the worker's outbox).
 * 4. If that write fails, the engine's decision is undone and the caller hears UNAVAILABLE.
 *
 * `sessionGate` (lib/http/route.ts): starts the session check, which runs alongside. Nothing but
 * step 0's "sold out" is answered before it settles (that answer reserves, writes and tells
 * nothing, so the storm of late presses costs no session lookup), and when it fails its answer
 * (401, 403 ACCOUNT_DISABLED) replaces the claim's, and a coupon the script just handed out goes
 * back before anything is written.
 */
export async function claimCoupon(services: Services, request: ClaimRequest): Promise<ClaimSuccess> {
  const { promotionId, userId, email = null, limits = [] } = request;
  const verdict = soldOutVerdict(promotionId, userId);
  if (verdict === "sold out") throw soldOut();
  const sessionGate = request.sessionGate?.() ?? Promise.resolve();
  let result: ClaimSuccess;
  try {
    result = await claimGated(services, { promotionId, userId, email, limits, verdict, sessionGate });
  } catch (error) {
    await sessionGate;
    throw error;
  }
  await sessionGate;
  return result;
}

// A person the engine names a winner, whose claim row does not appear while we wait for it, is
// asked about again: first as they are (that claim was undone meanwhile), then once more after
// the promotion is reloaded from PostgreSQL (its process died between the script and the write:
// a phantom winner, which the reload drops). If the row is still missing, they are told to retry.
const PHANTOM_RECOVERY = ["ask again", "reload and ask again", "give up"] as const;

async function claimGated(services: Services, step: ClaimStep): Promise<ClaimSuccess> {
  const { promotionId, userId, email, limits, verdict, sessionGate } = step;
  if (verdict === "winner") {
    const existing = await waitForClaim(services, promotionId, userId);
    if (existing) throw alreadyClaimed(existing);
  }
  const config = await getClaimConfig(services.db, promotionId);
  if (!config) throw notFound();
  // Fair start: nobody gets ahead of the draw's entrants (lib/fair-start/claim-gate.ts).
  if (config.fairStart) await fairStartGate(services, promotionId, userId);
  if (config.validator) await assertEligible(config.validator, { promotionId, userId, email });
  for (const recovery of PHANTOM_RECOVERY) {
    const decision = await decide(services, promotionId, userId, limits);
    if (decision.kind === "WON") {
      await sessionGate.catch(async (error: unknown) => {
        // Unreleased (the engine failed just now), the phantom sweeper gives it back shortly.
        await services.engine.stock
          .release(promotionId, userId, decision.loadId)
          .catch((e: unknown) => log("error", "release failed", { promotionId, userId, error: e }));
        throw error;
      });
      return persistWinner(services, config, promotionId, userId, decision);
    }
    if (decision.kind !== "ALREADY_CLAIMED") throw rejection(services, config, promotionId, decision);
    const existing = await waitForClaim(services, promotionId, userId);
    if (existing) throw alreadyClaimed(existing);
    if (recovery === "reload and ask again") {
      forgetSoldOut(promotionId);
      await rebuildPromotion(services, promotionId, true);
    }
  }
  throw unavailable("Your earlier claim is still being processed. Please retry.");
}

/**
 * The engine's decision. When it holds no keys for the promotion they are rebuilt from
 * PostgreSQL; a few tries, since Redis may be flushed again while a storm goes on.
 */
async function decide(
  services: Services,
  promotionId: string,
  userId: string,
  limits: readonly RateLimit[],
): Promise<Exclude<ClaimDecision, { kind: "MISSING" }>> {
  for (let tries = 0; tries < 3; tries++) {
    const decision = await services.engine.stock.claim(promotionId, userId, Date.now(), limits);
    if (decision.kind !== "MISSING") return decision;
    if (!(await rebuildPromotion(services, promotionId))) throw notFound();
  }
  throw unavailable("Stock is being rebuilt. Please retry.");
}

function rejection(
  services: Services,
  config: ClaimConfig,
  promotionId: string,
  decision: Exclude<ClaimDecision, { kind: "WON" | "ALREADY_CLAIMED" | "MISSING" }>,
): DomainError {
  switch (decision.kind) {
    case "SOLD_OUT":
      learnSoldOut(services.engine.stock, promotionId, config.totalStock);
      return soldOut();
    case "RATE_LIMITED":
      return new DomainError("RATE_LIMITED", "Too many attempts. Please wait a moment.", {}, decision.retryAfterMs);
    case "NOT_STARTED":
      return new DomainError("NOT_STARTED", "This promotion has not started yet.", {
        startsAt: new Date(decision.startsAt).toISOString(),
        serverTime: new Date(decision.engineNowMs).toISOString(),
      });
    case "ENDED":
      return new DomainError("ENDED", "This promotion has ended.");
    case "PAUSED":
      return new DomainError("PAUSED", "This promotion is paused. Please try again later.");
    case "NOT_FOUND":
      return notFound();
  }
}

async function persistWinner(
  services: Services,
  config: ClaimConfig,
  promotionId: string,
  userId: string,
  { remaining, loadId }: Extract<ClaimDecision, { kind: "WON" }>,
): Promise<ClaimSuccess> {
  const { stock } = services.engine;
  // The built-in issuer mints the code now; an external one is asked by the worker after commit.
  const builtin = config.issuer.type === "BUILTIN";
  let stored;
  try {
    const write = recordWinner(services.pool, {
      id: randomUUID(),
      promotionId,
      userId,
      status: builtin ? "ISSUED" : "PENDING",
      couponCode: builtin ? newCouponCode() : null,
    });
    rememberCommitting(promotionId, userId, write);
    stored = await write;
  } catch (error) {
    forgetSoldOut(promotionId);
    if (isUniqueViolation(error)) {
      // The database already has this person's claim; the engine did not know (it was rebuilt
      // while that claim was in flight). They stay a winner; the coupon just taken goes back.
      await stock.refund(promotionId, userId, loadId);
      const existing = await waitForClaim(services, promotionId, userId);
      if (existing) throw alreadyClaimed(existing);
      throw unavailable("Your claim could not be saved. Please retry.");
    }
    log("error", "claim write failed; releasing the reserved coupon", { promotionId, userId, error });
    await stock
      .release(promotionId, userId, loadId)
      .catch((e) => log("error", "release failed", { promotionId, userId, error: e }));
    throw unavailable("Your claim could not be saved. Nothing was taken; please retry.");
  }
  if (!stored) {
    // The database's guard says the stock is gone: the engine was too generous (it was rebuilt
    // while winners were in flight). Tell the engine; the next top-up reloads it anyway.
    await stock.settleSoldOut(promotionId, userId, loadId);
    markChanged(services.engine, promotionId);
    throw soldOut();
  }
  rememberIssued(stored);
  markChanged(services.engine, promotionId); // synchronous: the live screens hear of it without a round trip here
  return { claim: claimView(stored), remaining: Math.max(remaining, 0) };
}

const IN_FLIGHT_WAIT_MS = 50;
const IN_FLIGHT_TRIES = 20;

/**
 * The person's claim row. The engine can know a winner a moment before the row commits
 * (a parallel request of the same person), so wait for that commit when it runs in this
 * process, or else briefly for the row.
 */
async function waitForClaim({ db }: Services, promotionId: string, userId: string): Promise<ClaimView | null> {
  const known = issuedClaim(promotionId, userId);
  if (known) return claimView(known);
  // Their row is being committed here: its commit answers (a refused or failed write asks PostgreSQL below).
  const stored = await committingClaim(promotionId, userId)?.catch(() => null);
  if (stored) return claimView(stored);
  for (let attempt = 0; attempt < IN_FLIGHT_TRIES; attempt++) {
    const claim = await findActiveClaim(db, userId, promotionId);
    if (claim) return claim;
    await new Promise((resolve) => setTimeout(resolve, IN_FLIGHT_WAIT_MS));
  }
  return null;
}

const alreadyClaimed = (claim: ClaimView) => new DomainError("ALREADY_CLAIMED", "You already have this coupon.", { claim });
