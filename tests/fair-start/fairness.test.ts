// The drop report's fairness section: the statistics themselves, and the section and entrants
// file of a real draw (no user ids in it).
import { describe, expect, it } from "vitest";
import * as report from "@/app/api/admin/promotions/[id]/report/route";
import { runDraw } from "@/lib/fair-start/draw";
import { ranks, spearman } from "@/lib/fair-start/fairness";
import { services } from "@/lib/services";
import { createFairStartPromotion, enter, reachT0 } from "@/tests/support/fair-start";
import { call, createUsers, sessionCookie } from "@/tests/support/fixtures";

const svc = services();

describe("fairness statistics", () => {
  it("ranks ties by their mean rank", () => {
    expect(ranks([10, 30, 20, 20])).toEqual([1, 4, 2.5, 2.5]);
  });

  it("Spearman's rho: 1 for the same order, -1 for the reverse, null without spread", () => {
    expect(spearman([1, 2, 3, 4], [10, 20, 30, 40])).toBeCloseTo(1);
    expect(spearman([1, 2, 3, 4], [40, 30, 20, 10])).toBeCloseTo(-1);
    expect(spearman([1, 2, 3, 4, 5], [2, 1, 4, 3, 5])).toBeCloseTo(0.8);
    expect(spearman([1, 1, 1], [1, 2, 3])).toBeNull();
    expect(spearman([1], [1])).toBeNull();
  });
});

describe("the fairness section of a drawn promotion", () => {
  it("deciles, rho, the last-second ratio and an entrants file with tickets and no user ids", async () => {
    const users = await createUsers(svc.db, 40, "USER", "fair");
    const [admin] = await createUsers(svc.db, 1, "ADMIN", "admin");
    const cookie = await sessionCookie(admin);
    const p = await createFairStartPromotion(svc.db, { totalStock: 10, startsInMs: 600_000 });
    for (const u of users) await enter(svc, p.id, u.id);
    await reachT0(svc.db, p.id);
    const t0 = (await svc.db.promotion.findUniqueOrThrow({ where: { id: p.id } })).startsAt.getTime();
    // Half entered two minutes before T0, half in its last half second.
    const early = users.slice(0, 20).map((u) => u.id);
    const late = users.slice(20).map((u) => u.id);
    await svc.db
      .$executeRaw`UPDATE "Entry" SET "enteredAt" = ${new Date(t0 - 120_000)} WHERE "promotionId" = ${p.id} AND "userId" = ANY(${early})`;
    await svc.db
      .$executeRaw`UPDATE "Entry" SET "enteredAt" = ${new Date(t0 - 500)} WHERE "promotionId" = ${p.id} AND "userId" = ANY(${late})`;
    const before = await call(report.GET, { params: { id: p.id }, cookie });
    expect(before.json.fairness).toMatchObject({ entrants: 40, winners: 0, spearmanRho: null, verify: { seed: null } });

    expect(await runDraw(svc, p.id)).toBe("drawn");
    const res = await call(report.GET, { params: { id: p.id }, cookie });
    const f = res.json.fairness;
    expect(f.entrants).toBe(40);
    expect(f.winners).toBe(10);
    expect(f.deciles).toHaveLength(10);
    expect(f.deciles.reduce((sum: number, d: { entrants: number }) => sum + d.entrants, 0)).toBe(40);
    expect(f.deciles.reduce((sum: number, d: { winners: number }) => sum + d.winners, 0)).toBe(10);
    expect(f.spearmanRho).toBeGreaterThanOrEqual(-1);
    expect(f.spearmanRho).toBeLessThanOrEqual(1);
    expect(f.entrantsOverTime.reduce((sum: number, s: { entries: number }) => sum + s.entries, 0)).toBe(40);
    const seed = (await svc.db.promotion.findUniqueOrThrow({ where: { id: p.id } })).fairStartSeed;
    expect(f.verify.seed).toBe(seed);

    const won = new Set((await svc.db.entry.findMany({ where: { promotionId: p.id, status: "WON" } })).map((e) => e.userId));
    const wonOf = (ids: string[]) => ids.filter((id) => won.has(id)).length;
    expect(f.lastSecondAdvantage).toMatchObject({
      lastSecond: { entrants: 20, winners: wonOf(late) },
      minuteEarlier: { entrants: 20, winners: wonOf(early) },
    });
    if (wonOf(early) > 0) expect(f.lastSecondAdvantage.ratio).toBeCloseTo(wonOf(late) / wonOf(early));
    const file = await fetchCsv(p.id, cookie);
    const lines = file.trim().split("\n");
    expect(lines[0]).toBe("ticket,entered_at,status,position");
    expect(lines).toHaveLength(41);
    const tickets = await svc.db.entry.findMany({ where: { promotionId: p.id }, select: { ticket: true } });
    expect(new Set(lines.slice(1).map((l) => l.split(",")[0]))).toEqual(new Set(tickets.map((t) => t.ticket)));
    for (const u of users) expect(file).not.toContain(u.id);
  });
});

async function fetchCsv(id: string, cookie: string): Promise<string> {
  const { NextRequest } = await import("next/server");
  const req = new NextRequest(`http://localhost:3000/api/admin/promotions/${id}/report?format=entrants-csv`, {
    headers: { cookie, "x-coupon-socket-address": "10.9.9.9" },
  });
  const res = await report.GET(req, { params: Promise.resolve({ id }) });
  expect(res.headers.get("content-type")).toContain("text/csv");
  return res.text();
}
