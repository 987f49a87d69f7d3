// The HTTP contract, through the real route handlers, the machine's PostgreSQL and Redis.
import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it, vi } from "vitest";
import * as auditLog from "@/app/api/admin/promotions/[id]/audit/route";
import * as winners from "@/app/api/admin/promotions/[id]/claims/route";
import * as pause from "@/app/api/admin/promotions/[id]/pause/route";
import * as resume from "@/app/api/admin/promotions/[id]/resume/route";
import * as adminPromotion from "@/app/api/admin/promotions/[id]/route";
import * as adminPromotions from "@/app/api/admin/promotions/route";
import * as challenge from "@/app/api/auth/challenge/route";
import * as signup from "@/app/api/auth/signup/route";
import * as myClaims from "@/app/api/me/claims/route";
import * as claim from "@/app/api/promotions/[id]/claim/route";
import * as promotion from "@/app/api/promotions/[id]/route";
import * as stock from "@/app/api/promotions/[id]/stock/route";
import * as promotions from "@/app/api/promotions/route";
import { soldOutVerdict } from "@/lib/claims/sold-out";
import { getDb } from "@/lib/db";
import { getEngine } from "@/lib/engine";
import { flushOutcomes } from "@/lib/metrics/flusher";
import { services } from "@/lib/services";
import { solveSignupChallenge } from "@/tests/support/challenge";
import { call, createPromotion, createUsers, sessionCookie } from "@/tests/support/fixtures";

const db = getDb();
let userCookie: string;
let otherCookie: string;
let adminCookie: string;

beforeAll(async () => {
  const [user, other] = await createUsers(db, 2);
  const [admin] = await createUsers(db, 1, "ADMIN", "admin");
  userCookie = await sessionCookie(user);
  otherCookie = await sessionCookie(other);
  adminCookie = await sessionCookie(admin);
});

const solvedChallenge = async () => solveSignupChallenge((await call(challenge.GET)).json);

function expectError(res: { status: number; json: { error?: unknown; message?: unknown } }, status: number, code: string) {
  expect(res.status).toBe(status);
  expect(res.json).toMatchObject({ error: code });
  expect(typeof res.json.message).toBe("string");
}

const validPromotion = () => ({
  title: "Black Friday 50% off",
  totalStock: 5,
  startsAt: new Date(Date.now() - 1_000).toISOString(),
  endsAt: new Date(Date.now() + 3_600_000).toISOString(),
  discount: { type: "PERCENT", value: 50 },
  published: true,
});

describe("POST /api/auth/signup", () => {
  it("creates an account once", async () => {
    const body = { email: `New-${Date.now()}@Example.test`, password: "correct horse", name: "Ana" };
    const res = await call(signup.POST, { method: "POST", body: { ...body, altcha: await solvedChallenge() } });
    expect(res.status).toBe(201);
    expect(res.json.user).toMatchObject({ email: body.email.toLowerCase(), name: "Ana" });
    expect(res.json.user.id).toEqual(expect.any(String));
    expect(JSON.stringify(res.json)).not.toMatch(/password/i);
    expectError(
      await call(signup.POST, { method: "POST", body: { ...body, altcha: await solvedChallenge() } }),
      409,
      "EMAIL_TAKEN",
    );
  });

  it.each([
    ["bad email", { email: "nope", password: "long enough" }],
    ["short password", { email: "a@b.test", password: "short" }],
    ["password over 72", { email: "a@b.test", password: "x".repeat(73) }],
    ["wrong types", { email: 5, password: ["x"] }],
    ["unknown field", { email: "a@b.test", password: "long enough", role: "ADMIN" }],
    ["not an object", [1, 2]],
  ])("rejects %s with 400 INVALID_INPUT", async (_, body) => {
    expectError(await call(signup.POST, { method: "POST", body }), 400, "INVALID_INPUT");
  });

  it("rejects malformed JSON and huge bodies", async () => {
    expectError(await call(signup.POST, { method: "POST", rawBody: "{not json" }), 400, "INVALID_INPUT");
    const huge = JSON.stringify({ email: "a@b.test", password: "long enough", name: "x".repeat(10 * 1024 * 1024) });
    expectError(await call(signup.POST, { method: "POST", rawBody: huge }), 413, "PAYLOAD_TOO_LARGE");
  });
});

describe("public promotion reads", () => {
  it("lists published promotions only, with the contract's fields", async () => {
    const live = await createPromotion(db, { totalStock: 7 });
    const draft = await createPromotion(db, { published: false });
    const res = await call(promotions.GET);
    expect(res.status).toBe(200);
    const ids = res.json.promotions.map((p: { id: string }) => p.id);
    expect(ids).toContain(live.id);
    expect(ids).not.toContain(draft.id);
    expect(res.json.promotions.find((p: { id: string }) => p.id === live.id)).toEqual({
      id: live.id,
      slug: live.slug,
      title: live.title,
      description: "",
      totalStock: 7,
      remaining: 7,
      startsAt: live.startsAt.toISOString(),
      endsAt: live.endsAt.toISOString(),
      status: "LIVE",
      discount: { type: "PERCENT", value: 10 },
      // Rows from before issue #21's terms read as the migration left them.
      currency: "USD",
      maxDiscountAmount: null,
      minOrderAmount: null,
      validity: null,
      timeZone: "Asia/Seoul",
    });
  });

  it("shows one promotion with the server time, and its live stock", async () => {
    const p = await createPromotion(db, { startsAt: new Date(Date.now() + 60_000) });
    const one = await call(promotion.GET, { params: { id: p.id } });
    expect(one.status).toBe(200);
    expect(one.json.promotion).toMatchObject({ id: p.id, status: "SCHEDULED" });
    expect(Date.parse(one.json.serverTime)).not.toBeNaN();
    const s = await call(stock.GET, { params: { id: p.id } });
    expect(s.json).toEqual({ remaining: 10, totalStock: 10, status: "SCHEDULED", serverTime: expect.any(String) });
    // A CDN may hold it for a second; a browser keeps none.
    expect(s.headers.get("cache-control")).toBe("public, max-age=0, s-maxage=1, stale-while-revalidate=5");
  });

  it("answers 404 for drafts, unknown and garbage ids", async () => {
    const draft = await createPromotion(db, { published: false });
    for (const id of [draft.id, "unknown00000000", "../../etc/passwd", "' OR 1=1 --", "x".repeat(500)]) {
      expectError(await call(promotion.GET, { params: { id } }), 404, "NOT_FOUND");
      expectError(await call(stock.GET, { params: { id } }), 404, "NOT_FOUND");
      expectError(await call(claim.POST, { method: "POST", params: { id }, cookie: userCookie }), 404, "NOT_FOUND");
    }
  });
});

describe("POST /api/promotions/{id}/claim", () => {
  it("needs a session", async () => {
    const p = await createPromotion(db);
    const anonymous = await call(claim.POST, { method: "POST", params: { id: p.id }, headers: { "x-request-id": "req-123" } });
    expectError(anonymous, 401, "UNAUTHENTICATED");
    expect(anonymous.headers.get("x-request-id")).toBe("req-123");
    expectError(
      await call(claim.POST, { method: "POST", params: { id: p.id }, cookie: "next-auth.session-token=forged" }),
      401,
      "UNAUTHENTICATED",
    );
  });

  it("gives a coupon once, then 409 with the same claim, then 410 when sold out", async () => {
    const p = await createPromotion(db, { totalStock: 1 });
    const won = await call(claim.POST, { method: "POST", params: { id: p.id }, cookie: userCookie });
    expect(won.status).toBe(201);
    expect(won.json).toEqual({
      claim: {
        id: expect.any(String),
        promotionId: p.id,
        status: "ISSUED",
        couponCode: expect.stringMatching(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/),
        claimedAt: expect.any(String),
        expiresAt: null,
      },
      remaining: 0,
    });
    const again = await call(claim.POST, { method: "POST", params: { id: p.id }, cookie: userCookie });
    expectError(again, 409, "ALREADY_CLAIMED");
    expect(again.json.claim).toEqual(won.json.claim);
    expectError(await call(claim.POST, { method: "POST", params: { id: p.id }, cookie: otherCookie }), 410, "SOLD_OUT");

    const mine = await call(myClaims.GET, { cookie: userCookie });
    expect(mine.json.claims).toContainEqual({
      ...won.json.claim,
      promotion: {
        id: p.id,
        title: p.title,
        slug: p.slug,
        currency: "USD",
        discount: { type: "PERCENT", value: 10 },
        maxDiscountAmount: null,
        minOrderAmount: null,
        timeZone: "Asia/Seoul",
      },
    });
    expectError(await call(myClaims.GET), 401, "UNAUTHENTICATED");
  });

  it("after the sell-out: a winner pressing again hears 409 with their claim, everyone else 410", async () => {
    const p = await createPromotion(db, { totalStock: 2 });
    const [first, second, late] = await createUsers(db, 3);
    const cookies = await Promise.all([first, second, late].map((u) => sessionCookie(u)));
    const won = await Promise.all(
      cookies.slice(0, 2).map((cookie) => call(claim.POST, { method: "POST", params: { id: p.id }, cookie })),
    );
    expect(won.map((w) => w.status)).toEqual([201, 201]);
    expectError(await call(claim.POST, { method: "POST", params: { id: p.id }, cookie: cookies[2] }), 410, "SOLD_OUT");
    // Once this process holds the sold-out promotion's winners (fetched once, in the background),
    // the answers come from memory: the same for every later press, winner or not, and not one
    // of them runs the claim script.
    await vi.waitFor(() => expect(soldOutVerdict(p.id, late.id)).toBe("sold out"));
    const scriptCalls = vi.spyOn(getEngine().stock, "claim");
    try {
      for (let round = 0; round < 3; round++) {
        for (const [i, cookie] of cookies.slice(0, 2).entries()) {
          const again = await call(claim.POST, { method: "POST", params: { id: p.id }, cookie });
          expectError(again, 409, "ALREADY_CLAIMED");
          expect(again.json.claim).toEqual(won[i].json.claim);
        }
        expectError(await call(claim.POST, { method: "POST", params: { id: p.id }, cookie: cookies[2] }), 410, "SOLD_OUT");
      }
      expect(scriptCalls).not.toHaveBeenCalled();
    } finally {
      scriptCalls.mockRestore();
    }
  });

  it("answers 403 NOT_STARTED with startsAt and serverTime", async () => {
    const p = await createPromotion(db, { startsAt: new Date(Date.now() + 60_000) });
    const res = await call(claim.POST, { method: "POST", params: { id: p.id }, cookie: userCookie });
    expectError(res, 403, "NOT_STARTED");
    expect(res.json.startsAt).toBe(p.startsAt.toISOString());
    expect(Date.parse(res.json.serverTime)).not.toBeNaN();
  });

  it("limits attempts per user and per address with 429 and Retry-After, taking no stock", async () => {
    const p = await createPromotion(db, { totalStock: 100 });
    const [eager] = await createUsers(db, 1);
    const cookie = await sessionCookie(eager);
    // The limits in tests: 30 per user and 8 per address in 10 s (tests/support/worker-env.ts).
    const answers = [];
    for (let i = 0; i < 31; i++) answers.push(await call(claim.POST, { method: "POST", params: { id: p.id }, cookie }));
    expect(answers.map((a) => a.status)).toEqual([201, ...Array(29).fill(409), 429]);
    expectError(answers[30], 429, "RATE_LIMITED");
    expect(Number(answers[30].headers.get("retry-after"))).toBeGreaterThanOrEqual(1);

    const crowd = await createUsers(db, 9);
    const statuses = [];
    for (const [i, person] of crowd.entries()) {
      statuses.push(
        (
          await call(claim.POST, {
            method: "POST",
            params: { id: p.id },
            cookie: await sessionCookie(person),
            address: "192.0.2.77",
            // A forged X-Forwarded-For (no trusted proxy is configured) changes nothing.
            headers: { "x-forwarded-for": `198.51.100.${i}` },
          })
        ).status,
      );
    }
    expect(statuses).toEqual([...Array(8).fill(201), 429]);
    expect((await getEngine().stock.snapshot(p.id))?.remaining).toBe(91);
  });

  it("refuses a cross-site request", async () => {
    const p = await createPromotion(db);
    const res = await call(claim.POST, {
      method: "POST",
      params: { id: p.id },
      cookie: userCookie,
      headers: { origin: "https://evil.example" },
    });
    expectError(res, 403, "FORBIDDEN");
    expect(await db.claim.count({ where: { promotionId: p.id } })).toBe(0);
  });

  it("2,000 parallel claims through the handler on stock 100: 100 winners, remaining 0 everywhere", async () => {
    const users = await createUsers(db, 2_000);
    const cookies = await Promise.all(users.map((u) => sessionCookie(u)));
    const p = await createPromotion(db, { totalStock: 100 });
    const results = await Promise.all(
      cookies.map((cookie) => call(claim.POST, { method: "POST", params: { id: p.id }, cookie })),
    );
    const statuses = results.reduce<Record<number, number>>((acc, r) => ({ ...acc, [r.status]: (acc[r.status] ?? 0) + 1 }), {});
    expect(statuses).toEqual({ 201: 100, 410: 1_900 });
    const winnerIds = await db.claim.findMany({ where: { promotionId: p.id }, select: { userId: true } });
    expect(new Set(winnerIds.map((w) => w.userId)).size).toBe(100);
    expect((await getEngine().stock.snapshot(p.id))?.remaining).toBe(0);
    const s = await call(stock.GET, { params: { id: p.id } });
    expect(s.json).toMatchObject({ remaining: 0, status: "SOLD_OUT" });
  });
});

describe("admin API", () => {
  it("is for admins only", async () => {
    expectError(await call(adminPromotions.GET), 401, "UNAUTHENTICATED");
    expectError(await call(adminPromotions.GET, { cookie: userCookie }), 403, "FORBIDDEN");
    expectError(
      await call(adminPromotions.POST, { method: "POST", cookie: userCookie, body: validPromotion() }),
      403,
      "FORBIDDEN",
    );
    expect((await call(adminPromotions.GET, { cookie: adminCookie })).status).toBe(200);
  });

  it.each([
    ["negative stock", { totalStock: -1 }],
    ["zero stock", { totalStock: 0 }],
    ["absurd stock", { totalStock: 10_000_001 }],
    ["fractional stock", { totalStock: 1.5 }],
    ["end before start", { endsAt: new Date(Date.now() - 60_000).toISOString() }],
    ["not a date", { startsAt: "tomorrow" }],
    ["percent over 100", { discount: { type: "PERCENT", value: 150 } }],
    ["unknown discount", { discount: { type: "FREE", value: 1 } }],
    ["unknown field", { color: "red" }],
    ["bad slug", { slug: "Not A Slug!" }],
    ["empty title", { title: "  " }],
    ["string stock", { totalStock: "5" }],
    ["issuer without secret", { issuer: { type: "HTTP", url: "https://coupons.example/issue" } }],
    ["issuer with a non-http url", { issuer: { type: "HTTP", url: "file:///etc/passwd", secret: "0123456789abcdef" } }],
    ["validator with absurd timeout", { validator: { url: "https://v.example/", timeoutMs: 999_999 } }],
    ["unknown currency", { currency: "XXX" }],
    ["lowercase currency", { currency: "krw" }],
    ["a cap on an amount discount", { discount: { type: "AMOUNT", value: 500 }, maxDiscountAmount: 100 }],
    ["an amount over the currency's bound", { currency: "USD", discount: { type: "AMOUNT", value: 1_000_001 } }],
    ["a zero minimum order", { minOrderAmount: 0 }],
    ["a fractional cap", { maxDiscountAmount: 1.5 }],
    ["validity of 0 days", { validity: { days: 0 } }],
    ["validity over ten years", { validity: { days: 3_651 } }],
    ["validity with days and until", { validity: { days: 7, until: "2030-01-01T00:00:00Z" } }],
    ["validity until before the end", { validity: { until: new Date(Date.now() + 60_000).toISOString() } }],
    ["an unknown time zone", { timeZone: "Mars/Olympus_Mons" }],
    ["an offset for a time zone", { timeZone: "+09:00" }],
  ])("rejects %s with 400 and creates nothing", async (_, change) => {
    const before = await db.promotion.count();
    const res = await call(adminPromotions.POST, {
      method: "POST",
      cookie: adminCookie,
      body: { ...validPromotion(), ...change },
    });
    expectError(res, 400, "INVALID_INPUT");
    expect(await db.promotion.count()).toBe(before);
  });

  it("rejects malformed JSON and a 10 MB body", async () => {
    const before = await db.promotion.count();
    expectError(await call(adminPromotions.POST, { method: "POST", cookie: adminCookie, rawBody: "[" }), 400, "INVALID_INPUT");
    const huge = JSON.stringify({ ...validPromotion(), description: "x".repeat(10 * 1024 * 1024) });
    expectError(
      await call(adminPromotions.POST, { method: "POST", cookie: adminCookie, rawBody: huge }),
      413,
      "PAYLOAD_TOO_LARGE",
    );
    expect(await db.promotion.count()).toBe(before);
  });

  it("runs a drop: create, claim, top up, refuse going below claimed, pause, resume, delete rules, audit", async () => {
    const created = await call(adminPromotions.POST, {
      method: "POST",
      cookie: adminCookie,
      body: { ...validPromotion(), totalStock: 1 },
    });
    expect(created.status).toBe(201);
    const id = created.json.promotion.id;
    expect(created.json.promotion).toMatchObject({
      slug: expect.stringMatching(/^black-friday-50-off/),
      totalStock: 1,
      status: "LIVE",
      published: true,
      paused: false,
    });

    expect((await call(claim.POST, { method: "POST", params: { id }, cookie: userCookie })).status).toBe(201);
    expectError(await call(claim.POST, { method: "POST", params: { id }, cookie: otherCookie }), 410, "SOLD_OUT");

    const toppedUp = await call(adminPromotion.PATCH, {
      method: "PATCH",
      params: { id },
      cookie: adminCookie,
      body: { totalStock: 3 },
    });
    expect(toppedUp.status).toBe(200);
    expect(toppedUp.json.promotion).toMatchObject({ totalStock: 3, remaining: 2 });
    expect(toppedUp.json.stats).toEqual({ claimed: 1, issued: 1, pending: 0, failed: 0, oldestPendingSeconds: null });
    // The top-up takes effect at once, sold-out hint included.
    expect((await call(claim.POST, { method: "POST", params: { id }, cookie: otherCookie })).status).toBe(201);

    expectError(
      await call(adminPromotion.PATCH, { method: "PATCH", params: { id }, cookie: adminCookie, body: { totalStock: 1 } }),
      409,
      "BELOW_CLAIMED",
    );
    expectError(
      await call(adminPromotion.PATCH, {
        method: "PATCH",
        params: { id },
        cookie: adminCookie,
        body: { startsAt: new Date().toISOString() },
      }),
      409,
      "PROMOTION_STARTED",
    );

    expect((await call(pause.POST, { method: "POST", params: { id }, cookie: adminCookie })).status).toBe(200);
    const [late] = await createUsers(db, 1);
    const lateCookie = await sessionCookie(late);
    expectError(await call(claim.POST, { method: "POST", params: { id }, cookie: lateCookie }), 403, "PAUSED");
    expect((await call(stock.GET, { params: { id } })).json.status).toBe("PAUSED");
    expect((await call(resume.POST, { method: "POST", params: { id }, cookie: adminCookie })).status).toBe(200);
    expect((await call(claim.POST, { method: "POST", params: { id }, cookie: lateCookie })).status).toBe(201);

    expectError(await call(adminPromotion.DELETE, { method: "DELETE", params: { id }, cookie: adminCookie }), 409, "HAS_CLAIMS");

    const detail = await call(adminPromotion.GET, { params: { id }, cookie: adminCookie });
    expect(detail.json.stats).toEqual({ claimed: 3, issued: 3, pending: 0, failed: 0, oldestPendingSeconds: null });
    const audit = await db.auditLog.findMany({ where: { promotionId: id }, orderBy: { createdAt: "asc" } });
    expect(audit.map((a) => a.action)).toEqual(["create", "update", "pause", "resume"]);
    expect(audit[1].changes).toEqual({ totalStock: { from: 1, to: 3 } });
  });

  it("keeps issuer and validator settings, never showing the issuer's secret", async () => {
    const body = {
      ...validPromotion(),
      issuer: { type: "HTTP", url: "https://coupons.example/issue", secret: "s3cret-s3cret-s3cret" },
      validator: { url: "https://eligibility.example/check", timeoutMs: 800 },
    };
    const created = await call(adminPromotions.POST, { method: "POST", cookie: adminCookie, body });
    expect(created.status).toBe(201);
    expect(created.json.promotion).toMatchObject({
      issuer: { type: "HTTP", url: "https://coupons.example/issue" },
      validator: { url: "https://eligibility.example/check", timeoutMs: 800 },
    });
    expect(JSON.stringify(created.json)).not.toContain("s3cret");
    const id = created.json.promotion.id;
    const patched = await call(adminPromotion.PATCH, {
      method: "PATCH",
      params: { id },
      cookie: adminCookie,
      body: { issuer: { type: "BUILTIN" }, validator: null },
    });
    expect(patched.json.promotion).toMatchObject({ issuer: { type: "BUILTIN" }, validator: null });
    const audit = await db.auditLog.findMany({ where: { promotionId: id }, orderBy: { createdAt: "asc" } });
    expect(JSON.stringify(audit)).not.toContain("s3cret");
  });

  it("unpublishing hides a promotion from claims at once", async () => {
    const p = await createPromotion(db);
    expect((await call(stock.GET, { params: { id: p.id } })).status).toBe(200);
    await call(adminPromotion.PATCH, { method: "PATCH", params: { id: p.id }, cookie: adminCookie, body: { published: false } });
    expectError(await call(claim.POST, { method: "POST", params: { id: p.id }, cookie: userCookie }), 404, "NOT_FOUND");
  });

  it("deletes a promotion without claims, and answers 404 after", async () => {
    const p = await createPromotion(db);
    const res = await call(adminPromotion.DELETE, { method: "DELETE", params: { id: p.id }, cookie: adminCookie });
    expect(res.status).toBe(204);
    expectError(await call(adminPromotion.GET, { params: { id: p.id }, cookie: adminCookie }), 404, "NOT_FOUND");
    expectError(await call(claim.POST, { method: "POST", params: { id: p.id }, cookie: userCookie }), 404, "NOT_FOUND");
  });

  it("rejects a PATCH with unknown fields or an end before the stored start, changing nothing", async () => {
    const p = await createPromotion(db);
    expectError(
      await call(adminPromotion.PATCH, { method: "PATCH", params: { id: p.id }, cookie: adminCookie, body: { slug: "x" } }),
      400,
      "INVALID_INPUT",
    );
    const endBeforeStart = { endsAt: new Date(p.startsAt.getTime() - 1_000).toISOString() };
    expectError(
      await call(adminPromotion.PATCH, { method: "PATCH", params: { id: p.id }, cookie: adminCookie, body: endBeforeStart }),
      400,
      "INVALID_INPUT",
    );
    expect(await db.promotion.findUniqueOrThrow({ where: { id: p.id } })).toEqual(p);
  });
});

describe("admin reports", () => {
  it("pages winners newest first, exports all as CSV, shows the audit log and the claim rate", async () => {
    const created = await call(adminPromotions.POST, {
      method: "POST",
      cookie: adminCookie,
      body: { ...validPromotion(), totalStock: 10 },
    });
    const id = created.json.promotion.id;
    const people = await createUsers(db, 3);
    for (const person of people) {
      expect((await call(claim.POST, { method: "POST", params: { id }, cookie: await sessionCookie(person) })).status).toBe(201);
    }

    const page1 = await call(winners.GET, {
      path: `/api/admin/promotions/${id}/claims?page=1&pageSize=2`,
      params: { id },
      cookie: adminCookie,
    });
    expect(page1.status).toBe(200);
    expect(page1.json).toMatchObject({ page: 1, pageSize: 2, total: 3 });
    expect(page1.json.claims.map((c: { email: string }) => c.email)).toEqual([people[2].email, people[1].email]);
    const page2 = await call(winners.GET, {
      path: `/api/admin/promotions/${id}/claims?page=2&pageSize=2`,
      params: { id },
      cookie: adminCookie,
    });
    expect(page2.json.claims.map((c: { email: string }) => c.email)).toEqual([people[0].email]);
    expectError(
      await call(winners.GET, { path: `/api/admin/promotions/${id}/claims?pageSize=5000`, params: { id }, cookie: adminCookie }),
      400,
      "INVALID_INPUT",
    );
    expectError(
      await call(winners.GET, { path: `/api/admin/promotions/${id}/claims`, params: { id }, cookie: userCookie }),
      403,
      "FORBIDDEN",
    );

    const req = new NextRequest(`http://localhost:3000/api/admin/promotions/${id}/claims?format=csv`, {
      headers: { cookie: adminCookie },
    });
    const csvRes = await winners.GET(req, { params: Promise.resolve({ id }) });
    expect(csvRes.headers.get("content-type")).toMatch(/^text\/csv/);
    const lines = (await csvRes.text()).trim().split("\n");
    expect(lines[0]).toBe("claim_id,email,status,coupon_code,claimed_at,expires_at");
    expect(lines).toHaveLength(4);
    for (const person of people) expect(lines.some((line) => line.includes(`"${person.email}"`))).toBe(true);

    await call(pause.POST, { method: "POST", params: { id }, cookie: adminCookie });
    const audit = await call(auditLog.GET, { params: { id }, cookie: adminCookie });
    expect(audit.json.entries.map((e: { action: string }) => e.action)).toEqual(["pause", "create"]);
    expect(audit.json.entries[0]).toMatchObject({
      actor: expect.stringContaining("admin-"),
      changes: { paused: { from: false, to: true } },
    });

    // The sparkline reads the per-second series the claim counters are flushed to once a second.
    await flushOutcomes(services());
    const list = await call(adminPromotions.GET, { cookie: adminCookie });
    const row = list.json.promotions.find((p: { id: string }) => p.id === id);
    expect(row.claimsPerSecond).toHaveLength(60);
    expect(row.claimsPerSecond.reduce((a: number, b: number) => a + b, 0)).toBe(3);
    expect(row.stats).toEqual({ claimed: 3, issued: 3, pending: 0, failed: 0, oldestPendingSeconds: null });
  });
});
