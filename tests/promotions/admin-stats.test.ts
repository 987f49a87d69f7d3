// The dashboard's numbers (polled every second, during the storm): right, and read from
// counters and small index ranges, never from all of a promotion's claims.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addClaimSeconds, type ClaimSecondRow } from "@/lib/metrics/claim-seconds";
import { getPromotionWithStats, listPromotionsWithStats } from "@/lib/promotions/admin";
import { services } from "@/lib/services";
import { createPromotion, uid } from "@/tests/support/fixtures";
import { recordingDb, rowsRead } from "@/tests/support/sql-log";

const svc = services();
const ISSUED_LONG_AGO = 20_000;

/**
 * A promotion with 20,000 claims issued an hour ago, 2 failed 20 minutes ago, 3 pending
 * (waited 90 s, 30 s, 10 s) and 2 issued 5 s ago; claimedCount counts the active ones, as the
 * claim statement and the worker keep it.
 */
async function promotionWithHistory() {
  const promotion = await createPromotion(svc.db, { totalStock: 100_000 });
  const run = uid();
  await svc.db.$executeRaw`
    INSERT INTO "User" (id, email, "emailCanonical", "passwordHash")
    SELECT ${run} || '-' || i, ${run} || '-' || i || '@example.test', ${run} || '-' || i || '@example.test', 'x' FROM generate_series(0, ${ISSUED_LONG_AGO + 6}) AS i`;
  const claims = (from: number, count: number, status: string, secondsAgo: number) => svc.db.$executeRaw`
    INSERT INTO "Claim" (id, "promotionId", "userId", status, "claimedAt", "updatedAt")
    SELECT ${run} || '-c' || i, ${promotion.id}, ${run} || '-' || i, ${status}::"ClaimStatus",
      now() - make_interval(secs => ${secondsAgo}), now()
    FROM generate_series(${from}::int, ${from + count - 1}::int) AS i`;
  await claims(0, ISSUED_LONG_AGO, "ISSUED", 3_600);
  await claims(ISSUED_LONG_AGO, 2, "FAILED", 1_200);
  const recentSince = Date.now();
  await claims(ISSUED_LONG_AGO + 2, 1, "PENDING", 90);
  await claims(ISSUED_LONG_AGO + 3, 1, "PENDING", 30);
  await claims(ISSUED_LONG_AGO + 4, 1, "PENDING", 10);
  await claims(ISSUED_LONG_AGO + 5, 2, "ISSUED", 5);
  await svc.db.promotion.update({ where: { id: promotion.id }, data: { claimedCount: ISSUED_LONG_AGO + 5 } });
  // The per-second series the claim endpoint's counters write (lib/metrics/flusher.ts) for the
  // recent ones; the old claims' seconds are long out of the sparkline's minute.
  const nowS = Math.floor(Date.now() / 1_000);
  const won = (secondsAgo: number, count: number): ClaimSecondRow => ({
    promotionId: promotion.id,
    second: nowS - secondsAgo,
    counts: [count],
    latency: [],
    remaining: null,
    triers: 0,
  });
  await addClaimSeconds(svc.pool, [won(3_600, ISSUED_LONG_AGO), won(30, 1), won(10, 1), won(5, 2)]);
  return { promotion, recentSince };
}

describe("admin stats", () => {
  let promotionId: string;
  let recentSince: number;
  // Seconds the clock may have moved on since the recent claims were written (a busy machine).
  const drift = () => Math.ceil((Date.now() - recentSince) / 1_000);
  beforeAll(async () => {
    const history = await promotionWithHistory();
    promotionId = history.promotion.id;
    recentSince = history.recentSince;
    // What autovacuum does for a production table: the planner knows how claims are spread.
    await svc.db.$executeRawUnsafe(`ANALYZE "Claim"`);
  });

  it("counts claimed, issued, pending, failed, the oldest pending and the last minute", async () => {
    const expected = { claimed: ISSUED_LONG_AGO + 5, issued: ISSUED_LONG_AGO + 2, pending: 3, failed: 2 };
    const detail = await getPromotionWithStats(svc, promotionId);
    expect(detail.stats).toMatchObject(expected);
    expect(detail.stats.oldestPendingSeconds).toBeGreaterThanOrEqual(90);
    expect(detail.stats.oldestPendingSeconds).toBeLessThanOrEqual(90 + drift());

    const row = (await listPromotionsWithStats(svc)).find((p) => p.id === promotionId)!;
    expect(row.stats).toEqual({ ...expected, oldestPendingSeconds: expect.any(Number) });
    // One claim 30 s ago, one 10 s ago, two 5 s ago; the series ends with the current second.
    const series = row.claimsPerSecond;
    const claimsAbout = (secondsAgo: number) =>
      series.slice(59 - secondsAgo - drift(), 60 - secondsAgo).reduce((a, b) => a + b, 0);
    expect(series).toHaveLength(60);
    expect(series.reduce((a, b) => a + b, 0)).toBe(4);
    expect([claimsAbout(30), claimsAbout(10), claimsAbout(5)]).toEqual([1, 1, 2]);
  });

  it("a promotion without claims shows zeros", async () => {
    const empty = await createPromotion(svc.db);
    expect((await getPromotionWithStats(svc, empty.id)).stats).toEqual({
      claimed: 0,
      issued: 0,
      pending: 0,
      failed: 0,
      oldestPendingSeconds: null,
    });
  });

  describe("cost of a poll", () => {
    const recording = recordingDb();
    const recorded = { ...svc, db: recording.db, pool: recording.pool };
    afterAll(() => recording.db.$disconnect());

    it.each([
      ["GET /api/admin/promotions/{id}", () => getPromotionWithStats(recorded, promotionId)],
      ["GET /api/admin/promotions", () => listPromotionsWithStats(recorded)],
    ])("%s reads the pending, failed and last-minute claims only, never all 20,000", async (_, poll) => {
      recording.statements.length = 0;
      await poll();
      const touchingClaims = recording.statements.filter((s) => s.text.includes('"Claim"'));
      expect(touchingClaims.length).toBeGreaterThan(0);
      let read = 0;
      for (const statement of touchingClaims) {
        const cost = await rowsRead(svc.pool, statement, "Claim");
        expect(cost.fullScan, statement.text).toBe(false);
        read += cost.read;
      }
      // This promotion's 3 pending, 2 failed and 4 recent claims, plus the few of other test
      // files' promotions: a small fraction of this one's 20,007 claims.
      expect(read).toBeLessThan(ISSUED_LONG_AGO / 4);
    });
  });
});
