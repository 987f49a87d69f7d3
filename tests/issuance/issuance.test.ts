import { afterEach, describe, expect, it } from "vitest";
import * as cron from "@/app/api/cron/issue/route";
import { claimCoupon } from "@/lib/claims/claim";
import { DomainError } from "@/lib/errors/domain-error";
import { assertEligible } from "@/lib/issuance/validator";
import { defaultIssuanceOptions, issueDueClaims, startIssuanceWorker, type IssuanceOptions } from "@/lib/issuance/worker";
import { services } from "@/lib/services";
import { call, createPromotion, createUsers } from "@/tests/support/fixtures";
import { startCouponService, startRedirect, startValidator } from "@/tests/support/http-doubles";
import { httpOutcome, successStatus } from "@/tests/support/storm";

const svc = services();
const SECRET = "coupon-service-secret-0123456789";
const fast: IssuanceOptions = { ...defaultIssuanceOptions, timeoutMs: 300, retryBaseMs: 20 };
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

async function externalPromotion(
  url: string,
  totalStock: number,
  extra: {
    validatorUrl?: string;
    validatorTimeoutMs?: number;
    currency?: string;
    maxDiscountAmount?: number;
    minOrderAmount?: number;
    validityDays?: number;
  } = {},
) {
  const promotion = await createPromotion(svc.db, { totalStock });
  return svc.db.promotion.update({
    where: { id: promotion.id },
    data: { issuerType: "HTTP", issuerUrl: url, issuerSecret: SECRET, ...extra },
  });
}

async function outcome(promotionId: string, userId: string, email: string | null = null) {
  try {
    return successStatus(await claimCoupon(svc, { promotionId, userId, email }));
  } catch (error) {
    if (error instanceof DomainError) return error.code;
    throw error;
  }
}

/** Runs worker passes (two workers at once, as two instances would) until nothing is PENDING. */
async function drain(promotionId: string, options = fast) {
  for (let pass = 0; pass < 2_000; pass++) {
    await Promise.all([issueDueClaims(svc, options), issueDueClaims(svc, options)]);
    if ((await svc.db.claim.count({ where: { promotionId, status: "PENDING" } })) === 0) return;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error("claims still PENDING after the worker drained");
}

describe("issuing through an external coupon service", () => {
  it("30% 5xx and 10% timeouts: every claim ends ISSUED exactly once or FAILED with its stock returned", async () => {
    const coupons = await startCouponService({ secret: SECRET, failRate: 0.3, timeoutRate: 0.1, delayMs: 500 });
    cleanups.push(coupons.close);
    const users = await createUsers(svc.db, 300);
    const promotion = await externalPromotion(coupons.url, 60);

    const answers = await Promise.all(users.map((u) => outcome(promotion.id, u.id)));
    expect(answers.filter((a) => a === 202)).toHaveLength(60);
    expect(answers.filter((a) => a !== 202).every((a) => a === "SOLD_OUT")).toBe(true);

    await drain(promotion.id);
    const claims = await svc.db.claim.findMany({ where: { promotionId: promotion.id } });
    const issued = claims.filter((c) => c.status === "ISSUED");
    const failed = claims.filter((c) => c.status === "FAILED");
    expect(issued.length + failed.length).toBe(60);
    // Exactly once: each issued claim holds the one code the service minted for its key.
    for (const claim of issued) expect(claim.couponCode).toBe(coupons.codes.get(claim.id));
    expect(coupons.stats.badSignatures).toBe(0);
    const fresh = await svc.db.promotion.findUniqueOrThrow({ where: { id: promotion.id } });
    expect(fresh.claimedCount).toBe(issued.length);
    expect((await svc.engine.stock.snapshot(promotion.id))?.remaining).toBe(60 - issued.length);
    console.log(
      JSON.stringify({
        scenario: "flaky-coupon-service",
        requests: coupons.stats.requests,
        winners: 60,
        issued: issued.length,
        failed: failed.length,
        duplicates: issued.length - new Set(issued.map((c) => c.couponCode)).size,
        oversell: Math.max(0, issued.length - 60),
      }),
    );
  });

  it("a service that keeps failing: the claim FAILS after its attempts, the stock and the person's slot come back", async () => {
    const coupons = await startCouponService({ secret: SECRET, status: 500 });
    cleanups.push(coupons.close);
    const [user, other] = await createUsers(svc.db, 2);
    const promotion = await externalPromotion(coupons.url, 1);
    expect(await outcome(promotion.id, user.id)).toBe(202);
    expect(await outcome(promotion.id, other.id)).toBe("SOLD_OUT");

    await drain(promotion.id, { ...fast, maxAttempts: 3 });
    const [claim] = await svc.db.claim.findMany({ where: { promotionId: promotion.id } });
    expect(claim).toMatchObject({ status: "FAILED", attempts: 3, couponCode: null });
    expect(coupons.calls.get(claim.id)).toBe(3);
    expect((await svc.engine.stock.snapshot(promotion.id))?.remaining).toBe(1);
    expect((await svc.db.promotion.findUniqueOrThrow({ where: { id: promotion.id } })).claimedCount).toBe(0);

    // The slot is free again, for the same person too (after the one-second sold-out hint).
    await new Promise((r) => setTimeout(r, 1_100));
    expect(await outcome(promotion.id, user.id)).toBe(202);
  });

  it("a refusal (4xx, here a wrong signature secret) fails at once, without retries", async () => {
    const coupons = await startCouponService({ secret: "another-secret-entirely-0000" });
    cleanups.push(coupons.close);
    const [user] = await createUsers(svc.db, 1);
    const promotion = await externalPromotion(coupons.url, 3);
    expect(await outcome(promotion.id, user.id)).toBe(202);
    await drain(promotion.id);
    const [claim] = await svc.db.claim.findMany({ where: { promotionId: promotion.id } });
    expect(claim).toMatchObject({ status: "FAILED", attempts: 1 });
    expect(claim.lastError).toMatch(/401/);
    expect((await svc.engine.stock.snapshot(promotion.id))?.remaining).toBe(3);
  });

  it("an unreachable service is retried, then the claim fails; nothing stays PENDING", async () => {
    const coupons = await startCouponService({ secret: SECRET });
    const url = coupons.url;
    await coupons.close();
    const [user] = await createUsers(svc.db, 1);
    const promotion = await externalPromotion(url, 2);
    expect(await outcome(promotion.id, user.id)).toBe(202);
    await drain(promotion.id, { ...fast, maxAttempts: 2 });
    expect(await svc.db.claim.findFirst({ where: { promotionId: promotion.id } })).toMatchObject({
      status: "FAILED",
      attempts: 2,
    });
  });
});

/** A real database error: while `body` runs, a trigger refuses the updates of this promotion's claims matching `when`. */
async function withRefusedClaimUpdates<T>(promotionId: string, when: string, body: () => Promise<T>): Promise<T> {
  if (!/^\w+$/.test(promotionId)) throw new Error("a promotion id goes into the trigger's text: word characters only");
  await svc.db.$executeRawUnsafe(`
    CREATE OR REPLACE FUNCTION refuse_claim_updates() RETURNS trigger AS $$
    BEGIN
      IF NEW."promotionId" = '${promotionId}' AND (${when}) THEN RAISE EXCEPTION 'forced failure for a test'; END IF;
      RETURN NEW;
    END $$ LANGUAGE plpgsql`);
  await svc.db.$executeRawUnsafe(
    `CREATE OR REPLACE TRIGGER refuse_claim_updates BEFORE UPDATE ON "Claim" FOR EACH ROW EXECUTE FUNCTION refuse_claim_updates()`,
  );
  try {
    return await body();
  } finally {
    await svc.db.$executeRawUnsafe(`DROP TRIGGER IF EXISTS refuse_claim_updates ON "Claim"`);
  }
}

describe("the coupon's terms reach the coupon service", () => {
  it("a KRW 10% coupon, at most ₩3,000 off orders of ₩30,000, valid 7 days: the body carries all of it and the claim's expiresAt", async () => {
    const coupons = await startCouponService({ secret: SECRET });
    cleanups.push(coupons.close);
    const [user] = await createUsers(svc.db, 1);
    const promotion = await externalPromotion(coupons.url, 1, {
      currency: "KRW",
      maxDiscountAmount: 3_000,
      minOrderAmount: 30_000,
      validityDays: 7,
    });
    expect(await outcome(promotion.id, user.id)).toBe(202);
    await drain(promotion.id);
    const claim = await svc.db.claim.findFirstOrThrow({ where: { promotionId: promotion.id } });
    expect(claim.status).toBe("ISSUED");
    expect(claim.expiresAt!.getTime() - claim.claimedAt.getTime()).toBe(7 * 86_400_000);
    expect(coupons.bodies.get(claim.id)).toEqual({
      claimId: claim.id,
      promotionId: promotion.id,
      userId: user.id,
      currency: "KRW",
      discount: { type: "PERCENT", value: 10 },
      maxDiscountAmount: 3_000,
      minOrderAmount: 30_000,
      expiresAt: claim.expiresAt!.toISOString(),
    });
  });

  it("a coupon without cap, minimum or expiry says so with nulls", async () => {
    const coupons = await startCouponService({ secret: SECRET });
    cleanups.push(coupons.close);
    const [user] = await createUsers(svc.db, 1);
    const promotion = await externalPromotion(coupons.url, 1);
    expect(await outcome(promotion.id, user.id)).toBe(202);
    await drain(promotion.id);
    const claim = await svc.db.claim.findFirstOrThrow({ where: { promotionId: promotion.id } });
    expect(coupons.bodies.get(claim.id)).toMatchObject({
      currency: "USD",
      maxDiscountAmount: null,
      minOrderAmount: null,
      expiresAt: null,
    });
  });
});

describe("issuing never stalls", () => {
  it("a code the service already gave another claim of the promotion is retried, then FAILS with its stock back", async () => {
    const coupons = await startCouponService({ secret: SECRET, code: "SAME-CODE" });
    cleanups.push(coupons.close);
    const users = await createUsers(svc.db, 4);
    const promotion = await externalPromotion(coupons.url, 3);
    const other = await externalPromotion(coupons.url, 1);
    for (const user of users.slice(0, 3)) expect(await outcome(promotion.id, user.id)).toBe(202);
    expect(await outcome(other.id, users[3].id)).toBe(202);

    // Two workers at once, as in every drain: neither pass fails.
    await drain(promotion.id, { ...fast, maxAttempts: 3 });
    const claims = await svc.db.claim.findMany({ where: { promotionId: promotion.id } });
    expect(claims.filter((c) => c.status === "ISSUED")).toMatchObject([{ couponCode: "SAME-CODE" }]);
    const failed = claims.filter((c) => c.status === "FAILED");
    expect(failed).toHaveLength(2);
    for (const claim of failed) {
      expect(claim).toMatchObject({
        attempts: 3,
        couponCode: null,
        lastError: expect.stringMatching(/already held by another claim/),
      });
      expect(coupons.calls.get(claim.id)).toBe(3);
    }
    expect((await svc.db.promotion.findUniqueOrThrow({ where: { id: promotion.id } })).claimedCount).toBe(1);
    expect((await svc.engine.stock.snapshot(promotion.id))?.remaining).toBe(2);

    // Unique per promotion only: in another promotion the same code is another coupon.
    await drain(other.id);
    expect(await svc.db.claim.findFirst({ where: { promotionId: other.id } })).toMatchObject({
      status: "ISSUED",
      couponCode: "SAME-CODE",
    });
  });

  it("an answer that cannot be recorded counts as a failed attempt: the claim still ends FAILED within its attempts", async () => {
    const coupons = await startCouponService({ secret: SECRET });
    cleanups.push(coupons.close);
    const [user] = await createUsers(svc.db, 1);
    const promotion = await externalPromotion(coupons.url, 2);
    expect(await outcome(promotion.id, user.id)).toBe(202);

    await withRefusedClaimUpdates(promotion.id, `NEW.status = 'ISSUED'`, () => drain(promotion.id, { ...fast, maxAttempts: 3 }));
    const [claim] = await svc.db.claim.findMany({ where: { promotionId: promotion.id } });
    expect(claim).toMatchObject({ status: "FAILED", attempts: 3, lastError: expect.stringMatching(/could not be recorded/) });
    expect(coupons.calls.get(claim.id)).toBe(3);
    expect((await svc.engine.stock.snapshot(promotion.id))?.remaining).toBe(2);
  });

  it("a claim none of whose writes succeed holds up no other claim, and is issued once the database takes it again", async () => {
    const coupons = await startCouponService({ secret: SECRET });
    cleanups.push(coupons.close);
    const [stuckUser, fineUser] = await createUsers(svc.db, 2);
    const stuck = await externalPromotion(coupons.url, 1);
    const fine = await externalPromotion(coupons.url, 1);
    expect(await outcome(stuck.id, stuckUser.id)).toBe(202);
    expect(await outcome(fine.id, fineUser.id)).toBe(202);

    // Every write after the lease (issued, retry later, failed) is refused for the stuck claim.
    const anyAnswer = `NEW.status <> OLD.status OR NEW."lastError" IS DISTINCT FROM OLD."lastError"`;
    await withRefusedClaimUpdates(stuck.id, anyAnswer, async () => {
      await expect(issueDueClaims(svc, fast)).resolves.toBeGreaterThanOrEqual(2);
    });
    expect(await svc.db.claim.findFirst({ where: { promotionId: fine.id } })).toMatchObject({ status: "ISSUED" });
    expect(await svc.db.claim.findFirst({ where: { promotionId: stuck.id } })).toMatchObject({ status: "PENDING", attempts: 1 });

    // Its lease runs out (made to, here); the next pass asks again with the same key.
    await svc.db.claim.updateMany({ where: { promotionId: stuck.id }, data: { nextAttemptAt: new Date() } });
    await drain(stuck.id);
    const claim = await svc.db.claim.findFirstOrThrow({ where: { promotionId: stuck.id } });
    expect(claim).toMatchObject({ status: "ISSUED", attempts: 2 });
    expect(claim.couponCode).toBe(coupons.codes.get(claim.id));
  });

  it("a claim leased again after its last attempt, whose answer was lost, FAILS without another call", async () => {
    const coupons = await startCouponService({ secret: SECRET });
    cleanups.push(coupons.close);
    const [user] = await createUsers(svc.db, 1);
    const promotion = await externalPromotion(coupons.url, 1);
    expect(await outcome(promotion.id, user.id)).toBe(202);
    // As after three leases whose worker died before recording the answer.
    await svc.db.claim.updateMany({
      where: { promotionId: promotion.id },
      data: { attempts: 3, lastError: "coupon service answered 503" },
    });

    await drain(promotion.id, { ...fast, maxAttempts: 3 });
    const [claim] = await svc.db.claim.findMany({ where: { promotionId: promotion.id } });
    // attempts counts leases: the fourth found no call left to make.
    expect(claim).toMatchObject({ status: "FAILED", attempts: 4, lastError: expect.stringMatching(/no attempts left.*503/) });
    expect(coupons.stats.requests).toBe(0);
    expect((await svc.engine.stock.snapshot(promotion.id))?.remaining).toBe(1);
  });
});

describe("calls to a promotion's services", () => {
  it("a coupon service on a private address is refused unless allowed: the claim FAILS at once, and it is never called", async () => {
    const coupons = await startCouponService({ secret: SECRET });
    cleanups.push(coupons.close);
    const [a, b, c] = await createUsers(svc.db, 3);
    const literal = await externalPromotion(coupons.url, 1); // http://127.0.0.1:port/
    const named = await externalPromotion(coupons.url.replace("127.0.0.1", "localhost"), 1); // refused after DNS
    expect(await outcome(literal.id, a.id)).toBe(202);
    expect(await outcome(named.id, b.id)).toBe(202);

    const refusing = { ...fast, allowPrivateAddresses: false };
    await drain(literal.id, refusing);
    await drain(named.id, refusing);
    for (const promotion of [literal, named]) {
      expect(await svc.db.claim.findFirst({ where: { promotionId: promotion.id } })).toMatchObject({
        status: "FAILED",
        attempts: 1,
        lastError: expect.stringMatching(/not called: refused to call .*loopback, private or link-local/),
      });
      expect((await svc.engine.stock.snapshot(promotion.id))?.remaining).toBe(1);
    }
    expect(coupons.stats.requests).toBe(0);

    const allowed = await externalPromotion(coupons.url, 1);
    expect(await outcome(allowed.id, c.id)).toBe(202);
    await drain(allowed.id, { ...fast, allowPrivateAddresses: true });
    const claim = await svc.db.claim.findFirstOrThrow({ where: { promotionId: allowed.id } });
    expect(claim).toMatchObject({ status: "ISSUED", couponCode: coupons.codes.get(claim.id) });
  });

  it("a coupon service that redirects is not followed: the claim FAILS, and the target never hears of it", async () => {
    const target = await startCouponService({ secret: SECRET });
    cleanups.push(target.close);
    const redirect = await startRedirect(target.url);
    cleanups.push(redirect.close);
    const [user] = await createUsers(svc.db, 1);
    const promotion = await externalPromotion(redirect.url, 1);
    expect(await outcome(promotion.id, user.id)).toBe(202);

    await drain(promotion.id);
    expect(await svc.db.claim.findFirst({ where: { promotionId: promotion.id } })).toMatchObject({
      status: "FAILED",
      attempts: 1,
      lastError: expect.stringMatching(/redirected with 307/),
    });
    expect(target.stats.requests).toBe(0);
  });

  it("a validator that redirects, or on a refused address, answers 503 and takes nothing", async () => {
    const validator = await startValidator(() => ({ status: 200, body: { eligible: true } }));
    cleanups.push(validator.close);
    const redirect = await startRedirect(validator.url);
    cleanups.push(redirect.close);
    const [user] = await createUsers(svc.db, 1);
    const promotion = await createPromotion(svc.db, { totalStock: 2 });
    await svc.db.promotion.update({ where: { id: promotion.id }, data: { validatorUrl: redirect.url } });

    await expect(
      httpOutcome(claimCoupon(svc, { promotionId: promotion.id, userId: user.id, email: user.email })),
    ).resolves.toMatchObject({
      status: 503,
      code: "UNAVAILABLE",
    });
    const input = { promotionId: promotion.id, userId: user.id, email: user.email };
    await expect(assertEligible({ url: validator.url, timeoutMs: 1_000 }, input, false)).rejects.toMatchObject({
      code: "UNAVAILABLE",
    });
    expect(validator.seen).toEqual([]);
    await expect(assertEligible({ url: validator.url, timeoutMs: 1_000 }, input, true)).resolves.toBeUndefined();
    expect(validator.seen).toEqual([user.id]);
    expect(await svc.db.claim.count({ where: { promotionId: promotion.id } })).toBe(0);
  });
});

describe("eligibility service", () => {
  it("eligible users claim, ineligible get 403 with the reason, a down or slow service gives 503; no stock taken", async () => {
    const [ok, no, slow] = await createUsers(svc.db, 3);
    const validator = await startValidator(({ userId }) => {
      if (userId === ok.id) return { status: 200, body: { eligible: true } };
      if (userId === no.id) return { status: 200, body: { eligible: false, reason: "Members only" } };
      return { status: 200, body: { eligible: true }, delayMs: 1_000 };
    });
    cleanups.push(validator.close);
    const promotion = await createPromotion(svc.db, { totalStock: 5 });
    await svc.db.promotion.update({
      where: { id: promotion.id },
      data: { validatorUrl: validator.url, validatorTimeoutMs: 200 },
    });

    expect(await outcome(promotion.id, ok.id, ok.email)).toBe(201);
    await expect(
      httpOutcome(claimCoupon(svc, { promotionId: promotion.id, userId: no.id, email: no.email })),
    ).resolves.toMatchObject({
      status: 403,
      code: "NOT_ELIGIBLE",
      extra: { reason: "Members only" },
    });
    await expect(
      httpOutcome(claimCoupon(svc, { promotionId: promotion.id, userId: slow.id, email: slow.email })),
    ).resolves.toMatchObject({
      status: 503,
      code: "UNAVAILABLE",
    });
    expect(validator.seen).toEqual([ok.id, no.id, slow.id]);

    await validator.close();
    cleanups.pop();
    await expect(
      httpOutcome(claimCoupon(svc, { promotionId: promotion.id, userId: no.id, email: no.email })),
    ).resolves.toMatchObject({
      status: 503,
      code: "UNAVAILABLE",
    });
    expect((await svc.engine.stock.snapshot(promotion.id))?.remaining).toBe(4);
    expect(await svc.db.claim.count({ where: { promotionId: promotion.id } })).toBe(1);
  });
});

// In this file, not beside the other route tests: it issues every due claim of the database,
// and the tests above must not have their claims taken by it.
describe("POST /api/cron/issue", () => {
  it("needs the Bearer CRON_SECRET, then issues due claims", async () => {
    expect((await call(cron.POST, { method: "POST" })).json).toMatchObject({ error: "UNAUTHENTICATED" });
    expect((await call(cron.POST, { method: "POST", headers: { authorization: "Bearer wrong" } })).status).toBe(401);
    // A PENDING claim of a built-in promotion (as left when its issuer was switched back): due now.
    const p = await createPromotion(svc.db);
    const [person] = await createUsers(svc.db, 1);
    await svc.db.claim.create({
      data: { id: `pending-${p.id}`, promotionId: p.id, userId: person.id, status: "PENDING", nextAttemptAt: new Date() },
    });
    const res = await call(cron.POST, { method: "POST", headers: { authorization: `Bearer ${process.env.CRON_SECRET}` } });
    expect(res.status).toBe(200);
    expect(res.json.processed).toBeGreaterThanOrEqual(1);
    expect(await svc.db.claim.findUniqueOrThrow({ where: { id: `pending-${p.id}` } })).toMatchObject({
      status: "ISSUED",
      couponCode: expect.any(String),
    });
  });
});

describe("POST /api/cron/issue with a claim whose answer cannot be stored", () => {
  it("answers 200 and issues the others; that claim is retried and ends FAILED", async () => {
    const coupons = await startCouponService({ secret: SECRET, code: "CRON-SAME-CODE" });
    cleanups.push(coupons.close);
    const users = await createUsers(svc.db, 2);
    const promotion = await externalPromotion(coupons.url, 2);
    for (const user of users) expect(await outcome(promotion.id, user.id)).toBe(202);

    const res = await call(cron.POST, { method: "POST", headers: { authorization: `Bearer ${process.env.CRON_SECRET}` } });
    expect(res.status).toBe(200);
    expect(res.json.processed).toBeGreaterThanOrEqual(2);
    const statuses = async () =>
      (await svc.db.claim.findMany({ where: { promotionId: promotion.id } })).map((c) => c.status).sort();
    expect(await svc.db.claim.count({ where: { promotionId: promotion.id, status: "ISSUED" } })).toBe(1);

    await drain(promotion.id, { ...fast, maxAttempts: 2 });
    expect(await statuses()).toEqual(["FAILED", "ISSUED"]);
  });
});

describe("the resident worker", () => {
  it("issues a due claim by itself and stops promptly", async () => {
    const p = await createPromotion(svc.db);
    const [person] = await createUsers(svc.db, 1);
    await svc.db.claim.create({
      data: { id: `resident-${p.id}`, promotionId: p.id, userId: person.id, status: "PENDING", nextAttemptAt: new Date() },
    });
    const stop = startIssuanceWorker(() => svc);
    try {
      await expect
        .poll(async () => (await svc.db.claim.findUniqueOrThrow({ where: { id: `resident-${p.id}` } })).status, {
          timeout: 10_000,
        })
        .toBe("ISSUED");
    } finally {
      await stop();
    }
  });
});
