import { randomInt } from "node:crypto";
import { newCouponCode } from "@/lib/claims/coupon-code";
import { forgetSoldOut } from "@/lib/claims/sold-out";
import { isUniqueViolation } from "@/lib/db";
import { fillFromWaitlist } from "@/lib/fair-start/award";
import { prismaSql } from "@/lib/fair-start/sql";
import { markChanged } from "@/lib/live/changes";
import { log } from "@/lib/log";
import { rebuildPromotion } from "@/lib/promotions/rebuild";
import type { Services } from "@/lib/services";
import { requestCoupon, type IssueOutcome } from "./http-issuer";

// The claim row is the outbox: a PENDING claim is work to do. A worker leases due claims by
// pushing their nextAttemptAt past the lease (one statement, FOR UPDATE SKIP LOCKED, so several
// workers never take the same claim), calls the coupon service, and records the answer. A worker
// that dies leaves its leases to expire; the next one retries with the same idempotency key.
const LEASE_SECONDS = 30;
const MAX_DELAY_MS = 60_000;

export interface IssuanceOptions {
  batch: number; // claims leased per pass
  timeoutMs: number; // per call to the coupon service
  maxAttempts: number; // then the claim FAILS and its stock returns
  retryBaseMs: number; // first retry delay; doubles per attempt, with jitter
  allowPrivateAddresses?: boolean; // defaults to ALLOW_PRIVATE_SERVICE_URLS
}

export const defaultIssuanceOptions: IssuanceOptions = { batch: 20, timeoutMs: 3_000, maxAttempts: 8, retryBaseMs: 250 };

interface LeasedClaim {
  id: string;
  promotionId: string;
  userId: string;
  attempts: number;
  lastError: string | null;
  issuerType: "BUILTIN" | "HTTP";
  issuerUrl: string | null;
  issuerSecret: string | null;
  discountType: string;
  discountValue: number;
  currency: string;
  maxDiscountAmount: number | null;
  minOrderAmount: number | null;
  expiresAt: Date | null;
}

/** Exponential backoff with full jitter: random in [0, min(max, base * 2^attempt)). */
export function retryDelayMs(attempt: number, baseMs: number): number {
  return randomInt(Math.max(1, Math.min(MAX_DELAY_MS, baseMs * 2 ** attempt)));
}

/**
 * Leases and issues up to `options.batch` due claims; returns how many it handled. Only the
 * lease itself can fail the pass: each claim is handled on its own, and one claim's error is
 * logged and leaves that claim to its lease (it is tried again when the lease expires).
 */
export async function issueDueClaims(services: Services, options: IssuanceOptions = defaultIssuanceOptions): Promise<number> {
  const leased = await services.db.$queryRaw<LeasedClaim[]>`
    UPDATE "Claim" c
    SET "nextAttemptAt" = now() + make_interval(secs => ${LEASE_SECONDS}), attempts = c.attempts + 1, "updatedAt" = now()
    FROM "Promotion" p
    WHERE p.id = c."promotionId" AND c.id IN (
      SELECT id FROM "Claim"
      WHERE status = 'PENDING' AND "nextAttemptAt" <= now()
      ORDER BY "nextAttemptAt"
      LIMIT ${options.batch}
      FOR UPDATE SKIP LOCKED
    )
    RETURNING c.id, c."promotionId", c."userId", c.attempts, c."lastError", p."issuerType"::text AS "issuerType",
      p."issuerUrl", p."issuerSecret", p."discountType"::text AS "discountType", p."discountValue",
      p.currency, p."maxDiscountAmount", p."minOrderAmount", c."expiresAt"`;
  const settled = await Promise.allSettled(leased.map((claim) => issueOne(services, claim, options)));
  settled.forEach((result, i) => {
    if (result.status === "fulfilled") return;
    const { id: claimId, promotionId, attempts } = leased[i];
    log("error", "issuing a claim failed; it is tried again when its lease expires", {
      claimId,
      promotionId,
      attempts,
      error: result.reason,
    });
  });
  return leased.length;
}

async function issueOne(services: Services, claim: LeasedClaim, options: IssuanceOptions): Promise<void> {
  // Leased again after its last attempt, whose answer was never recorded (the worker died, or
  // the database failed): the budget is spent, so it fails without another call.
  const outcome: IssueOutcome =
    claim.attempts > options.maxAttempts
      ? { kind: "REJECTED", error: `no attempts left; last error: ${claim.lastError ?? "the answer was not recorded"}` }
      : await recordIssued(services, claim, await askIssuer(claim, options));
  if (outcome.kind === "ISSUED") return;
  if (outcome.kind === "RETRY" && claim.attempts < options.maxAttempts) {
    await services.db.claim.updateMany({
      where: { id: claim.id, status: "PENDING" },
      data: { nextAttemptAt: new Date(Date.now() + retryDelayMs(claim.attempts, options.retryBaseMs)), lastError: outcome.error },
    });
    return;
  }
  await failClaim(services, claim, outcome.error);
}

function askIssuer(claim: LeasedClaim, options: IssuanceOptions): Promise<IssueOutcome> {
  // A promotion switched back to the built-in issuer mints the code itself.
  if (claim.issuerType !== "HTTP" || !claim.issuerUrl || !claim.issuerSecret) {
    return Promise.resolve({ kind: "ISSUED", couponCode: newCouponCode() });
  }
  return requestCoupon(
    { url: claim.issuerUrl, secret: claim.issuerSecret },
    {
      claimId: claim.id,
      promotionId: claim.promotionId,
      userId: claim.userId,
      currency: claim.currency,
      discount: { type: claim.discountType, value: claim.discountValue },
      maxDiscountAmount: claim.maxDiscountAmount,
      minOrderAmount: claim.minOrderAmount,
      expiresAt: claim.expiresAt?.toISOString() ?? null,
    },
    { timeoutMs: options.timeoutMs, allowPrivateAddresses: options.allowPrivateAddresses },
  );
}

/**
 * Stores an ISSUED answer. If it cannot be stored, the answer counts as a failed attempt
 * (RETRY), so the claim still ends ISSUED or FAILED within its attempts.
 *
 * A coupon code is unique per promotion. A code the service already gave to another claim of
 * the same promotion is a broken answer: two people would hold one coupon. It is retried with
 * the same idempotency key (a service that mixed up its answer may correct it); a service that
 * keeps answering it makes the claim FAIL, with its stock returned.
 */
async function recordIssued(services: Services, claim: LeasedClaim, outcome: IssueOutcome): Promise<IssueOutcome> {
  if (outcome.kind !== "ISSUED") return outcome;
  try {
    await services.db.claim.updateMany({
      where: { id: claim.id, status: "PENDING" },
      data: { status: "ISSUED", couponCode: outcome.couponCode, nextAttemptAt: null, lastError: null },
    });
    markChanged(services.engine, claim.promotionId);
    return outcome;
  } catch (error) {
    const duplicate = isUniqueViolation(error);
    const context = { claimId: claim.id, promotionId: claim.promotionId, attempts: claim.attempts, error };
    if (duplicate) log("error", "coupon service answered a code another claim of this promotion holds", context);
    else log("error", "the coupon service's answer could not be recorded", context);
    return {
      kind: "RETRY",
      error: duplicate
        ? `coupon service answered coupon code ${outcome.couponCode}, already held by another claim of this promotion`
        : `the answer could not be recorded: ${(error as Error).message}`,
    };
  }
}

/**
 * Gives up on a claim: it becomes FAILED (the person sees "could not be issued" and may claim
 * again), and its coupon goes back to the stock, in PostgreSQL and then in the stock engine.
 */
async function failClaim(services: Services, claim: LeasedClaim, error: string): Promise<void> {
  const failed = await services.db.$transaction(async (tx) => {
    const { count } = await tx.claim.updateMany({
      where: { id: claim.id, status: "PENDING" },
      data: { status: "FAILED", lastError: error, nextAttemptAt: null },
    });
    if (count !== 1) return null;
    await tx.promotion.update({ where: { id: claim.promotionId }, data: { claimedCount: { decrement: 1 } } });
    // A drawn fair-start promotion gives the coupon to the next lost entrant by ticket, in this
    // same transaction, so no latecomer can take it first (lib/fair-start/award.ts).
    return { toWaitlist: await fillFromWaitlist(prismaSql(tx), claim.promotionId) };
  });
  if (!failed) return;
  log("warn", "claim failed for good; stock returned", { claimId: claim.id, promotionId: claim.promotionId, error });
  forgetSoldOut(claim.promotionId);
  if (failed.toWaitlist > 0) {
    // The coupon changed hands in PostgreSQL: the engine reloads winners and stock from there.
    await rebuildPromotion(services, claim.promotionId, true).catch((e: unknown) =>
      log("error", "reload after a waitlist win failed", { claimId: claim.id, error: e }),
    );
  } else {
    // If this fails too, the engine keeps one coupon too few until reconciliation or a reload.
    await services.engine.stock
      .release(claim.promotionId, claim.userId)
      .catch((e) => log("error", "release failed", { claimId: claim.id, error: e }));
  }
  markChanged(services.engine, claim.promotionId);
}

const IDLE_POLL_MS = 500;
const MAX_FAILURE_PAUSE_MS = 30_000;

/**
 * Runs the worker in this process until stopped: drains due claims, then polls twice a second.
 * While the database fails, it waits longer after each failed pass (up to 30 s), so an outage
 * costs a few log lines, not two a second. One per Node server; any number of servers may run one.
 */
export function startIssuanceWorker(services: () => Services): () => Promise<void> {
  let stopped = false;
  let wake = () => {};
  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  const loop = (async () => {
    let failures = 0;
    while (!stopped) {
      let handled = 0;
      try {
        handled = await issueDueClaims(services());
        failures = 0;
      } catch (error) {
        failures += 1;
        log("error", "issuing worker pass failed", { error, failures });
      }
      const pause = failures ? Math.min(MAX_FAILURE_PAUSE_MS, IDLE_POLL_MS * 2 ** failures) : IDLE_POLL_MS;
      if ((handled === 0 || failures) && !stopped) await sleep(pause);
    }
  })();
  return async () => {
    stopped = true;
    wake();
    await loop;
  };
}
