// Issue #21's coupon terms through the real route handlers: currency with per-currency bounds, a
// cap for percentages, a minimum order, validity after claiming (each claim's expiresAt) and the
// promotion's time zone, on create, GET, PATCH and every claim list. Run on PostgreSQL and Redis
// (tests/promotions/terms.test.ts) and on the embedded default (terms-embedded.test.ts).
import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it } from "vitest";
import * as winners from "@/app/api/admin/promotions/[id]/claims/route";
import * as adminPromotion from "@/app/api/admin/promotions/[id]/route";
import * as adminPromotions from "@/app/api/admin/promotions/route";
import * as myClaims from "@/app/api/me/claims/route";
import * as claim from "@/app/api/promotions/[id]/claim/route";
import * as promotion from "@/app/api/promotions/[id]/route";
import * as promotions from "@/app/api/promotions/route";
import { getDb } from "@/lib/db";
import { call, createUsers, sessionCookie } from "./fixtures";

const DAY_MS = 86_400_000;
let adminCookie: string;
const db = () => getDb();

const inAnHour = () => new Date(Date.now() + 3_600_000).toISOString();

const basePromotion = () => ({
  title: "봄맞이 특가 쿠폰",
  totalStock: 5,
  startsAt: new Date(Date.now() - 1_000).toISOString(),
  endsAt: inAnHour(),
  discount: { type: "PERCENT", value: 10 },
  published: true,
});

/** A 10% KRW coupon, at most ₩3,000 off orders of ₩30,000 or more, valid 7 days after claiming. */
const koreanCoupon = () => ({
  ...basePromotion(),
  currency: "KRW",
  maxDiscountAmount: 3_000,
  minOrderAmount: 30_000,
  validity: { days: 7 },
  timeZone: "Asia/Seoul",
});

async function create(body: object) {
  return call(adminPromotions.POST, { method: "POST", cookie: adminCookie, body });
}

async function created(body: object): Promise<{ id: string } & Record<string, unknown>> {
  const res = await create(body);
  expect(res.status).toBe(201);
  return res.json.promotion;
}

const patch = (id: string, body: object) =>
  call(adminPromotion.PATCH, { method: "PATCH", params: { id }, cookie: adminCookie, body });

function expectError(res: { status: number; json: { error?: unknown; message?: unknown } }, status: number, code: string) {
  expect(res.status).toBe(status);
  expect(res.json).toMatchObject({ error: code });
  expect(typeof res.json.message).toBe("string");
}

async function claimAs(id: string) {
  const [person] = await createUsers(db(), 1);
  const cookie = await sessionCookie(person);
  const res = await call(claim.POST, { method: "POST", params: { id }, cookie });
  expect(res.status).toBe(201);
  return { person, cookie, claim: res.json.claim as { id: string; claimedAt: string; expiresAt: string | null } };
}

export function termsContract(where: string) {
  beforeAll(async () => {
    const [admin] = await createUsers(db(), 1, "ADMIN", "admin");
    adminCookie = await sessionCookie(admin);
  });

  describe(`coupon terms on ${where}`, () => {
    describe("promotion terms on create and GET", () => {
      it("a KRW percentage coupon with a cap, a minimum order and a 7-day validity reads back everywhere", async () => {
        const p = await created(koreanCoupon());
        const terms = {
          currency: "KRW",
          discount: { type: "PERCENT", value: 10 },
          maxDiscountAmount: 3_000,
          minOrderAmount: 30_000,
          validity: { days: 7 },
          timeZone: "Asia/Seoul",
        };
        expect(p).toMatchObject(terms);
        expect((await call(adminPromotion.GET, { params: { id: p.id }, cookie: adminCookie })).json.promotion).toMatchObject(
          terms,
        );
        expect((await call(promotion.GET, { params: { id: p.id } })).json.promotion).toMatchObject(terms);
        const list = await call(promotions.GET);
        expect(list.json.promotions.find((x: { id: string }) => x.id === p.id)).toMatchObject(terms);
        const adminList = await call(adminPromotions.GET, { cookie: adminCookie });
        expect(adminList.json.promotions.find((x: { id: string }) => x.id === p.id)).toMatchObject(terms);
      });

      it("defaults: DEFAULT_CURRENCY (USD) and DEFAULT_TIME_ZONE (Asia/Seoul) when unset, no cap, no minimum, no expiry", async () => {
        const p = await created(basePromotion());
        expect(p).toMatchObject({
          currency: "USD",
          timeZone: "Asia/Seoul",
          maxDiscountAmount: null,
          minOrderAmount: null,
          validity: null,
        });
      });

      it("keeps a fixed validity end as an ISO instant, and a zone in its canonical IANA spelling", async () => {
        const until = new Date(Date.now() + 30 * DAY_MS);
        const p = await created({ ...basePromotion(), validity: { until: until.toISOString() }, timeZone: "europe/berlin" });
        expect(p).toMatchObject({ validity: { until: until.toISOString() }, timeZone: "Europe/Berlin" });
      });

      it.each([
        ["₩2,000,000 off", "KRW", 2_000_000],
        ["₩10,000,000 off (the KRW bound)", "KRW", 10_000_000],
        ["¥1,000,000 off (the JPY bound)", "JPY", 1_000_000],
        ["$10,000.00 off (the USD bound)", "USD", 1_000_000],
        ["€12.50 off", "EUR", 1_250],
      ])("accepts an amount discount of %s", async (_, currency, value) => {
        const p = await created({ ...basePromotion(), currency, discount: { type: "AMOUNT", value } });
        expect(p).toMatchObject({ currency, discount: { type: "AMOUNT", value } });
      });

      it.each([
        ["₩10,000,001 off", { currency: "KRW", discount: { type: "AMOUNT", value: 10_000_001 } }, "discount"],
        ["¥1,000,001 off", { currency: "JPY", discount: { type: "AMOUNT", value: 1_000_001 } }, "discount"],
        ["$10,000.01 off", { currency: "USD", discount: { type: "AMOUNT", value: 1_000_001 } }, "discount"],
        ["$10,000.01 off in the default currency", { discount: { type: "AMOUNT", value: 1_000_001 } }, "discount"],
        ["a cap of ₩10,000,001", { currency: "KRW", maxDiscountAmount: 10_000_001 }, "maxDiscountAmount"],
        [
          "a cap on an amount discount",
          { discount: { type: "AMOUNT", value: 5_000 }, maxDiscountAmount: 3_000 },
          "maxDiscountAmount",
        ],
        ["a minimum order of $100,000.01", { currency: "USD", minOrderAmount: 10_000_001 }, "minOrderAmount"],
        ["an unknown currency", { currency: "ABC" }, "currency"],
        ["a validity until before the end", { validity: { until: new Date(Date.now() + 60_000).toISOString() } }, "validity"],
        ["an unknown time zone", { timeZone: "Asia/Atlantis" }, "timeZone"],
      ])("refuses %s with 400 INVALID_INPUT naming the field, and creates nothing", async (_, change, field) => {
        const before = await db().promotion.count();
        const res = await create({ ...basePromotion(), ...change });
        expectError(res, 400, "INVALID_INPUT");
        expect(Object.keys(res.json.fields ?? {})).toContain(field);
        expect(await db().promotion.count()).toBe(before);
      });
    });

    describe("PATCH of the terms", () => {
      it("changes every term before anyone claims, and reads them back", async () => {
        const p = await created(basePromotion());
        const changed = await patch(p.id, {
          currency: "KRW",
          maxDiscountAmount: 5_000,
          minOrderAmount: 50_000,
          validity: { days: 30 },
          timeZone: "Europe/Berlin",
        });
        expect(changed.status).toBe(200);
        const terms = {
          currency: "KRW",
          maxDiscountAmount: 5_000,
          minOrderAmount: 50_000,
          validity: { days: 30 },
          timeZone: "Europe/Berlin",
        };
        expect(changed.json.promotion).toMatchObject(terms);
        expect((await call(adminPromotion.GET, { params: { id: p.id }, cookie: adminCookie })).json.promotion).toMatchObject(
          terms,
        );

        // A validity replaces the other kind, and null removes cap, minimum and expiry.
        const until = new Date(Date.now() + 2 * DAY_MS).toISOString();
        expect((await patch(p.id, { validity: { until } })).json.promotion.validity).toEqual({ until });
        const cleared = await patch(p.id, { maxDiscountAmount: null, minOrderAmount: null, validity: null });
        expect(cleared.json.promotion).toMatchObject({ maxDiscountAmount: null, minOrderAmount: null, validity: null });
        const row = await db().promotion.findUniqueOrThrow({ where: { id: p.id } });
        expect([row.validityDays, row.validUntil]).toEqual([null, null]);
      });

      it("checks the rules against the stored promotion: its discount type, currency and end", async () => {
        const amount = await created({ ...basePromotion(), currency: "KRW", discount: { type: "AMOUNT", value: 2_000_000 } });
        // A cap on a stored AMOUNT discount.
        expectError(await patch(amount.id, { maxDiscountAmount: 1_000 }), 400, "INVALID_INPUT");
        // ₩2,000,000 is over the JPY bound of ¥1,000,000.
        const toYen = await patch(amount.id, { currency: "JPY" });
        expectError(toYen, 400, "INVALID_INPUT");
        expect(Object.keys(toYen.json.fields)).toContain("discount");
        expectError(await patch(amount.id, { currency: "XYZ" }), 400, "INVALID_INPUT");

        const fixed = await created({
          ...basePromotion(),
          validity: { until: new Date(Date.now() + 2 * 3_600_000).toISOString() },
        });
        // An until before the stored end; an end moved past the stored until.
        expectError(
          await patch(fixed.id, { validity: { until: new Date(Date.now() + 60_000).toISOString() } }),
          400,
          "INVALID_INPUT",
        );
        expectError(await patch(fixed.id, { endsAt: new Date(Date.now() + 3 * 3_600_000).toISOString() }), 400, "INVALID_INPUT");
        expectError(await patch(fixed.id, { timeZone: "Not/AZone" }), 400, "INVALID_INPUT");

        // Nothing of the refused changes was written.
        expect(await db().promotion.findUniqueOrThrow({ where: { id: amount.id } })).toMatchObject({
          currency: "KRW",
          maxDiscountAmount: null,
        });
        expect((await db().promotion.findUniqueOrThrow({ where: { id: fixed.id } })).endsAt.toISOString()).toBe(fixed.endsAt);
      });

      it("locks currency, cap, minimum order and validity once anyone has claimed (409 TERMS_LOCKED); the zone may still change", async () => {
        const p = await created(koreanCoupon());
        await claimAs(p.id);
        for (const change of [
          { currency: "USD" },
          { maxDiscountAmount: 4_000 },
          { minOrderAmount: null },
          { validity: { days: 8 } },
        ]) {
          expectError(await patch(p.id, change), 409, "TERMS_LOCKED");
        }
        // Sending the terms it already has is no change.
        expect((await patch(p.id, { currency: "KRW", validity: { days: 7 } })).status).toBe(200);
        const moved = await patch(p.id, { timeZone: "America/New_York", totalStock: 6 });
        expect(moved.status).toBe(200);
        expect(moved.json.promotion).toMatchObject({
          timeZone: "America/New_York",
          totalStock: 6,
          currency: "KRW",
          validity: { days: 7 },
        });
      });
    });

    describe("expiresAt, fixed when the claim is made", () => {
      async function csvLines(id: string) {
        const req = new NextRequest(`http://localhost:3000/api/admin/promotions/${id}/claims?format=csv`, {
          headers: { cookie: adminCookie },
        });
        return (await (await winners.GET(req, { params: Promise.resolve({ id }) })).text()).trim().split("\n");
      }

      async function expectEverywhere(id: string, mine: { cookie: string; claim: { id: string } }, expiresAt: string | null) {
        const listed = await call(myClaims.GET, { cookie: mine.cookie });
        expect(listed.json.claims.find((c: { id: string }) => c.id === mine.claim.id)).toMatchObject({ expiresAt });
        const page = await call(winners.GET, { path: `/api/admin/promotions/${id}/claims`, params: { id }, cookie: adminCookie });
        expect(page.json.claims.find((c: { id: string }) => c.id === mine.claim.id)).toMatchObject({ expiresAt });
        const lines = await csvLines(id);
        expect(lines[0]).toBe("claim_id,email,status,coupon_code,claimed_at,expires_at");
        const line = lines.find((l) => l.startsWith(`"${mine.claim.id}"`))!;
        expect(line.endsWith(`,"${expiresAt ?? ""}"`)).toBe(true);
      }

      it("days: claimedAt plus the days, in the claim's answer, /api/me/claims, the winners list and CSV", async () => {
        const p = await created(koreanCoupon());
        const mine = await claimAs(p.id);
        expect(Date.parse(mine.claim.expiresAt!) - Date.parse(mine.claim.claimedAt)).toBe(7 * DAY_MS);
        await expectEverywhere(p.id, mine, mine.claim.expiresAt);
        // The coupons page also gets the terms of the promotion the coupon belongs to.
        const listed = await call(myClaims.GET, { cookie: mine.cookie });
        expect(listed.json.claims[0].promotion).toEqual({
          id: p.id,
          title: "봄맞이 특가 쿠폰",
          slug: p.slug,
          currency: "KRW",
          discount: { type: "PERCENT", value: 10 },
          maxDiscountAmount: 3_000,
          minOrderAmount: 30_000,
          timeZone: "Asia/Seoul",
        });
      });

      it("until: the fixed instant for every claim; none: null", async () => {
        const until = new Date(Date.now() + 10 * DAY_MS).toISOString();
        const fixed = await created({ ...basePromotion(), validity: { until } });
        const mine = await claimAs(fixed.id);
        expect(mine.claim.expiresAt).toBe(until);
        await expectEverywhere(fixed.id, mine, until);

        const forever = await created(basePromotion());
        const theirs = await claimAs(forever.id);
        expect(theirs.claim.expiresAt).toBeNull();
        await expectEverywhere(forever.id, theirs, null);
      });

      it("stores the expiry exactly the days after the stored claim time, and keeps it", async () => {
        const p = await created({ ...basePromotion(), validity: { days: 1 } });
        const first = await claimAs(p.id);
        const row = await db().claim.findUniqueOrThrow({ where: { id: first.claim.id } });
        expect(row.expiresAt!.getTime() - row.claimedAt.getTime()).toBe(DAY_MS);
        // Locked anyway: the stored expiry is what the person was promised.
        expectError(await patch(p.id, { validity: { days: 2 } }), 409, "TERMS_LOCKED");
        expect((await db().claim.findUniqueOrThrow({ where: { id: first.claim.id } })).expiresAt).toEqual(row.expiresAt);
      });
    });
  });
}
