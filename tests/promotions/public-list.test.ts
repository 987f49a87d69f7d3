// GET /api/promotions: live and upcoming promotions, plus the ended ones a page at a time,
// never the whole history. Other test files create promotions in the same database meanwhile,
// so the checks hold whatever else is there.
import { beforeAll, describe, expect, it } from "vitest";
import * as promotions from "@/app/api/promotions/route";
import { services } from "@/lib/services";
import { call, createPromotion } from "@/tests/support/fixtures";

const db = services().db;
const HOUR = 3_600_000;

interface Listed {
  id: string;
  status: string;
  endsAt: string;
}

const list = (query: string) => call(promotions.GET, { path: `/api/promotions${query}` });

describe("GET /api/promotions", () => {
  const now = Date.now();
  let live: { id: string };
  let upcoming: { id: string };
  let soldOut: { id: string };
  let draft: { id: string };
  let ended: { id: string }[]; // most recently ended first
  let ancient: { id: string };

  beforeAll(async () => {
    live = await createPromotion(db);
    upcoming = await createPromotion(db, { startsAt: new Date(now + HOUR), endsAt: new Date(now + 2 * HOUR) });
    soldOut = await createPromotion(db, { totalStock: 1 });
    await db.promotion.update({ where: { id: soldOut.id }, data: { claimedCount: 1 } });
    draft = await createPromotion(db, { published: false, endsAt: new Date(now - 1_000), startsAt: new Date(now - HOUR) });
    ended = [];
    for (let i = 1; i <= 5; i++) {
      ended.push(await createPromotion(db, { startsAt: new Date(now - HOUR), endsAt: new Date(now - i * 1_000) }));
    }
    ancient = await createPromotion(db, { startsAt: new Date("2001-01-01T00:00:00Z"), endsAt: new Date("2001-01-02T00:00:00Z") });
  });

  it("answers the current promotions and the latest ended ones, keeping {promotions}", async () => {
    const res = await list("");
    expect(res.status).toBe(200);
    expect(res.json.ended).toEqual({ page: 1, pageSize: 10, total: expect.any(Number) });
    const ids = res.json.promotions.map((p: Listed) => p.id);
    expect(ids).toEqual(expect.arrayContaining([live.id, upcoming.id, soldOut.id]));
    expect(ids).not.toContain(draft.id);
    const statuses = Object.fromEntries(res.json.promotions.map((p: Listed) => [p.id, p.status]));
    expect([statuses[live.id], statuses[upcoming.id], statuses[soldOut.id]]).toEqual(["LIVE", "SCHEDULED", "SOLD_OUT"]);
  });

  it("pages through the ended ones, latest first, with the current ones on every page", async () => {
    const seen: string[] = [];
    let total = Infinity;
    for (let page = 1; (page - 1) * 2 < total; page++) {
      const res = await list(`?endedPage=${page}&endedPageSize=2`);
      expect(res.status).toBe(200);
      total = res.json.ended.total;
      expect(res.json.ended).toMatchObject({ page, pageSize: 2 });
      const rows: Listed[] = res.json.promotions;
      const firstEnded = rows.findIndex((p) => p.status === "ENDED");
      const current = firstEnded < 0 ? rows : rows.slice(0, firstEnded);
      const endedRows = firstEnded < 0 ? [] : rows.slice(firstEnded);
      expect(current.map((p) => p.id)).toEqual(expect.arrayContaining([live.id, upcoming.id]));
      expect(endedRows.length).toBeLessThanOrEqual(2);
      expect(endedRows.every((p) => p.status === "ENDED")).toBe(true);
      const ends = endedRows.map((p) => Date.parse(p.endsAt));
      expect(ends).toEqual([...ends].sort((a, b) => b - a));
      // Promotions other files create meanwhile push older ones to later pages: some come twice.
      for (const p of endedRows) if (!seen.includes(p.id)) seen.push(p.id);
    }
    const mine = seen.filter((id) => [...ended, ancient].some((p) => p.id === id));
    expect(mine).toEqual([...ended, ancient].map((p) => p.id));
    expect(total).toBeGreaterThanOrEqual(6);
  });

  it("leaves the ended ones out of a page past their end", async () => {
    const res = await list("?endedPage=10000&endedPageSize=50");
    expect(res.status).toBe(200);
    expect(res.json.promotions.every((p: Listed) => p.status !== "ENDED")).toBe(true);
    expect(res.json.promotions.map((p: Listed) => p.id)).toContain(live.id);
  });

  it.each(["?endedPage=0", "?endedPage=abc", "?endedPage=1.5", "?endedPage=", "?endedPageSize=51", "?page=2"])(
    "rejects %s with 400 INVALID_INPUT",
    async (query) => {
      const res = await list(query);
      expect(res.status).toBe(400);
      expect(res.json).toMatchObject({ error: "INVALID_INPUT", message: expect.any(String) });
    },
  );
});
