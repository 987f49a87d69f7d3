// Fair start's HTTP contract, through the real route handlers, PostgreSQL and Redis.
import { createHash, createHmac } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import * as auditLog from "@/app/api/admin/promotions/[id]/audit/route";
import * as adminPromotion from "@/app/api/admin/promotions/[id]/route";
import * as adminPromotions from "@/app/api/admin/promotions/route";
import * as claim from "@/app/api/promotions/[id]/claim/route";
import * as entry from "@/app/api/promotions/[id]/entry/route";
import * as promotion from "@/app/api/promotions/[id]/route";
import { services } from "@/lib/services";
import { reachT0 } from "@/tests/support/fair-start";
import { call, createPromotion, createUsers, sessionCookie } from "@/tests/support/fixtures";
import { startValidator } from "@/tests/support/http-doubles";

const svc = services();
let adminCookie: string;
let cookies: string[];
let users: Awaited<ReturnType<typeof createUsers>>;

beforeAll(async () => {
  const [admin] = await createUsers(svc.db, 1, "ADMIN", "admin");
  adminCookie = await sessionCookie(admin);
  users = await createUsers(svc.db, 6);
  cookies = await Promise.all(users.map((u) => sessionCookie(u)));
});

const fairPromotion = (startsInMs: number, windowSeconds: number, totalStock = 2) => ({
  title: "Fair drop",
  totalStock,
  startsAt: new Date(Date.now() + startsInMs).toISOString(),
  endsAt: new Date(Date.now() + 7_200_000).toISOString(),
  discount: { type: "PERCENT", value: 10 },
  published: true,
  fairStart: { windowSeconds },
});

async function create(body: object) {
  const res = await call(adminPromotions.POST, { method: "POST", cookie: adminCookie, body });
  expect(res.status).toBe(201);
  return res.json.promotion as { id: string; fairStart: Record<string, unknown> };
}

const enter = (id: string, cookie: string, address?: string) =>
  call(entry.POST, { method: "POST", params: { id }, cookie, address });
const myEntry = (id: string, cookie: string) => call(entry.GET, { params: { id }, cookie });

describe("fair start: configuration and commitment", () => {
  it("publishes the seed's hash, never the seed, until the draw; the admin sees no more", async () => {
    const created = await create(fairPromotion(60_000, 600));
    expect(created.fairStart).toMatchObject({ windowSeconds: 600, seed: null, drawnAt: null, entrants: 0 });
    const row = await svc.db.promotion.findUniqueOrThrow({ where: { id: created.id } });
    expect(row.fairStartSeed).toMatch(/^[0-9a-f]{64}$/);
    const hash = createHash("sha256").update(Buffer.from(row.fairStartSeed!, "hex")).digest("hex");
    const pub = await call(promotion.GET, { params: { id: created.id } });
    expect(pub.json.promotion.fairStart).toEqual({
      windowSeconds: 600,
      opensAt: new Date(row.startsAt.getTime() - 600_000).toISOString(),
      seedSha256: hash,
      seed: null,
      drawnAt: null,
      entrants: 0,
    });
    const admin = await call(adminPromotion.GET, { params: { id: created.id }, cookie: adminCookie });
    expect(admin.json.promotion.fairStart.seed).toBeNull();
    const audit = await call(auditLog.GET, { params: { id: created.id }, cookie: adminCookie });
    expect(JSON.stringify(audit.json)).not.toContain(row.fairStartSeed);
  });

  it("a classic promotion shows fairStart null and refuses entries with ENTRY_CLOSED", async () => {
    const classic = await createPromotion(svc.db);
    expect((await call(promotion.GET, { params: { id: classic.id } })).json.promotion.fairStart).toBeNull();
    expect(await enter(classic.id, cookies[0])).toMatchObject({ status: 409, json: { error: "ENTRY_CLOSED" } });
  });

  it("validates windowSeconds (10..86,400)", async () => {
    for (const windowSeconds of [9, 86_401, 1.5]) {
      const res = await call(adminPromotions.POST, {
        method: "POST",
        cookie: adminCookie,
        body: fairPromotion(60_000, windowSeconds),
      });
      expect(res.status).toBe(400);
    }
  });

  it("before the window opens fair start may change; after, fairStart and startsAt answer FAIR_START_LOCKED", async () => {
    const later = await create(fairPromotion(3_600_000, 60));
    const patch = (id: string, body: object) =>
      call(adminPromotion.PATCH, { method: "PATCH", params: { id }, cookie: adminCookie, body });
    const seedBefore = (await svc.db.promotion.findUniqueOrThrow({ where: { id: later.id } })).fairStartSeedSha256;
    expect((await patch(later.id, { fairStart: { windowSeconds: 120 } })).json.promotion.fairStart).toMatchObject({
      windowSeconds: 120,
      seedSha256: seedBefore,
    });
    const open = await create(fairPromotion(60_000, 600));
    expect(await patch(open.id, { fairStart: { windowSeconds: 60 } })).toMatchObject({
      status: 409,
      json: { error: "FAIR_START_LOCKED" },
    });
    expect(await patch(open.id, { fairStart: null })).toMatchObject({ status: 409, json: { error: "FAIR_START_LOCKED" } });
    const moved = new Date(Date.now() + 120_000).toISOString();
    expect(await patch(open.id, { startsAt: moved })).toMatchObject({ status: 409, json: { error: "FAIR_START_LOCKED" } });
    expect((await patch(open.id, { title: "Still fine" })).status).toBe(200);
    const started = await createPromotion(svc.db);
    expect(await patch(started.id, { fairStart: { windowSeconds: 60 } })).toMatchObject({
      status: 409,
      json: { error: "FAIR_START_LOCKED" },
    });
  });
});

describe("fair start: entering", () => {
  it("NOT_STARTED before the window, 202 then 200 inside it, NO_ENTRY for others, ENTRY_CLOSED after T0", async () => {
    const early = await create(fairPromotion(3_600_000, 60));
    const notYet = await enter(early.id, cookies[0]);
    expect(notYet).toMatchObject({ status: 403, json: { error: "NOT_STARTED", opensAt: early.fairStart.opensAt } });
    expect(Date.parse(notYet.json.serverTime)).not.toBeNaN();

    const p = await create(fairPromotion(60_000, 600));
    const first = await enter(p.id, cookies[0]);
    expect(first.status).toBe(202);
    expect(first.json.entry).toEqual({
      status: "WAITING",
      enteredAt: expect.any(String),
      ticket: null,
      position: null,
      claim: null,
    });
    const again = await enter(p.id, cookies[0]);
    expect(again).toMatchObject({ status: 200, json: { entry: first.json.entry } });
    expect((await myEntry(p.id, cookies[0])).json.entry).toEqual(first.json.entry);
    expect(await myEntry(p.id, cookies[1])).toMatchObject({ status: 404, json: { error: "NO_ENTRY" } });
    expect((await call(entry.POST, { method: "POST", params: { id: p.id } })).status).toBe(401);
    expect((await call(promotion.GET, { params: { id: p.id } })).json.promotion.fairStart.entrants).toBe(1);

    await reachT0(svc.db, p.id);
    expect(await enter(p.id, cookies[1])).toMatchObject({ status: 409, json: { error: "ENTRY_CLOSED" } });
  });

  it("asks the eligibility service first: NOT_ELIGIBLE writes no entry", async () => {
    const validator = await startValidator(({ userId }) => ({
      status: 200,
      body: userId === users[2].id ? { eligible: false, reason: "members only" } : { eligible: true },
    }));
    try {
      const p = await create({ ...fairPromotion(60_000, 600), validator: { url: validator.url } });
      expect(await enter(p.id, cookies[2])).toMatchObject({
        status: 403,
        json: { error: "NOT_ELIGIBLE", reason: "members only" },
      });
      expect((await enter(p.id, cookies[3])).status).toBe(202);
      expect(await svc.db.entry.count({ where: { promotionId: p.id } })).toBe(1);
    } finally {
      await validator.close();
    }
  });

  it("counts entries against the per-address limit, as claims do", async () => {
    const p = await create(fairPromotion(60_000, 600));
    const statuses: number[] = [];
    // RATE_LIMIT_IP is 8/10s in the tests: one address, six people, a few times each.
    for (let i = 0; i < 12; i++) statuses.push((await enter(p.id, cookies[i % 6], "10.200.0.1")).status);
    expect(statuses.slice(0, 8).every((s) => s === 202 || s === 200)).toBe(true);
    expect(statuses.slice(8)).toEqual([429, 429, 429, 429]);
  });
});

describe("fair start: the draw through the API", () => {
  it("reveals the seed, names winners by the lowest tickets, and answers their presses with their result", async () => {
    const p = await create(fairPromotion(60_000, 600, 2));
    for (const cookie of cookies.slice(0, 5)) expect((await enter(p.id, cookie)).status).toBe(202);
    await reachT0(svc.db, p.id);
    const results = await Promise.all(cookies.slice(0, 5).map((c) => myEntry(p.id, c)));
    const { seed, seedSha256, drawnAt, entrants } = (await call(promotion.GET, { params: { id: p.id } })).json.promotion
      .fairStart;
    expect(createHash("sha256").update(Buffer.from(seed, "hex")).digest("hex")).toBe(seedSha256);
    expect(Date.parse(drawnAt)).not.toBeNaN();
    expect(entrants).toBe(5);
    const tickets = users.slice(0, 5).map((u) => createHmac("sha256", Buffer.from(seed, "hex")).update(u.id).digest("hex"));
    const sorted = [...tickets].sort();
    results.forEach((r, i) => {
      expect(r.json.entry.ticket).toBe(tickets[i]);
      expect(r.json.entry.position).toBe(sorted.indexOf(tickets[i]) + 1);
      expect(r.json.entry.status).toBe(r.json.entry.position <= 2 ? "WON" : "LOST");
      if (r.json.entry.status === "WON")
        expect(r.json.entry.claim).toMatchObject({ status: "ISSUED", couponCode: expect.any(String) });
      else expect(r.json.entry.claim).toBeNull();
    });
    for (let i = 0; i < 5; i++) {
      const press = await call(claim.POST, { method: "POST", params: { id: p.id }, cookie: cookies[i] });
      if (results[i].json.entry.status === "WON") {
        expect(press).toMatchObject({ status: 409, json: { error: "ALREADY_CLAIMED", claim: results[i].json.entry.claim } });
      } else expect(press).toMatchObject({ status: 410, json: { error: "SOLD_OUT" } });
    }
    // A latecomer finds the stock gone to the entrants.
    expect(await call(claim.POST, { method: "POST", params: { id: p.id }, cookie: cookies[5] })).toMatchObject({ status: 410 });
  });

  it("a drawn winner's coupon expires the promotion's validity after the draw wrote the claim", async () => {
    const p = await create({ ...fairPromotion(60_000, 600, 1), validity: { days: 3 } });
    const [winner] = await createUsers(svc.db, 1);
    const cookie = await sessionCookie(winner);
    expect((await enter(p.id, cookie)).status).toBe(202);
    await reachT0(svc.db, p.id);
    const won = (await myEntry(p.id, cookie)).json.entry;
    expect(won.status).toBe("WON");
    expect(Date.parse(won.claim.expiresAt) - Date.parse(won.claim.claimedAt)).toBe(3 * 86_400_000);
  });
});
