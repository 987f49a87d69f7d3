// Group commit of winners against the real PostgreSQL: one statement per batch, the stock guard
// holding for a batch, and failures confined to the batch they happen in.
import { randomUUID } from "node:crypto";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { recordWinner, type WinnerRow } from "@/lib/claims/winner-batch";
import { services } from "@/lib/services";
import { createPromotion, createUsers, withRefusedClaims } from "@/tests/support/fixtures";
import { attempt } from "@/tests/support/storm";

const svc = services();
const row = (promotionId: string, userId: string): WinnerRow => ({
  id: randomUUID(),
  promotionId,
  userId,
  status: "ISSUED",
  couponCode: randomUUID(),
});

/** A pool of its own whose statements are counted. */
function countingPool() {
  const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 4 });
  const counted = { statements: 0 };
  const query = pool.query.bind(pool) as (...args: unknown[]) => Promise<unknown>;
  (pool as unknown as { query: typeof query }).query = (...args) => {
    counted.statements++;
    return query(...args);
  };
  return { pool, counted };
}

describe("recordWinner (group commit)", () => {
  const { pool, counted } = countingPool();
  afterAll(() => pool.end());

  it("writes winners of the same moment in one statement, each caller getting its own row", async () => {
    const promotion = await createPromotion(svc.db, { totalStock: 100 });
    const users = await createUsers(svc.db, 50);
    counted.statements = 0;
    const rows = users.map((u) => row(promotion.id, u.id));
    const stored = await Promise.all(rows.map((r) => recordWinner(pool, r)));
    expect(counted.statements).toBe(1);
    expect(stored.map((s) => s?.id)).toEqual(rows.map((r) => r.id));
    expect(stored.map((s) => s?.userId)).toEqual(users.map((u) => u.id));
    const fresh = await svc.db.promotion.findUniqueOrThrow({ where: { id: promotion.id } });
    expect(fresh.claimedCount).toBe(50);
    expect(await svc.db.claim.count({ where: { promotionId: promotion.id } })).toBe(50);
  });

  it("a batch that would cross the stock falls back to row by row: exactly the stock is written", async () => {
    const promotion = await createPromotion(svc.db, { totalStock: 10 });
    await svc.db.promotion.update({ where: { id: promotion.id }, data: { claimedCount: 5 } });
    const users = await createUsers(svc.db, 8);
    const stored = await Promise.all(users.map((u) => recordWinner(pool, row(promotion.id, u.id))));
    expect(stored.filter(Boolean)).toHaveLength(5);
    expect(stored.slice(0, 5).every(Boolean)).toBe(true); // first come, first served
    expect(stored.slice(5)).toEqual([null, null, null]);
    const fresh = await svc.db.promotion.findUniqueOrThrow({ where: { id: promotion.id } });
    expect(fresh.claimedCount).toBe(10);
    expect(await svc.db.claim.count({ where: { promotionId: promotion.id } })).toBe(5);
  });

  it("a person who already has a claim fails alone; the rest of the batch is written", async () => {
    const promotion = await createPromotion(svc.db, { totalStock: 10 });
    const users = await createUsers(svc.db, 5);
    expect(await recordWinner(pool, row(promotion.id, users[2].id))).not.toBeNull();
    const results = await Promise.allSettled(users.map((u) => recordWinner(pool, row(promotion.id, u.id))));
    expect(results.map((r) => r.status)).toEqual(["fulfilled", "fulfilled", "rejected", "fulfilled", "fulfilled"]);
    expect(await svc.db.claim.count({ where: { promotionId: promotion.id } })).toBe(5);
    const fresh = await svc.db.promotion.findUniqueOrThrow({ where: { id: promotion.id } });
    expect(fresh.claimedCount).toBe(5);
  });
});

describe("a batch that fails halfway (real database error on one of its rows)", () => {
  it("fails exactly that batch: its people hear 503 and get their stock back, other batches commit", async () => {
    // A trigger refuses the row of a "poisoned" user, in the middle of the batch: the rows
    // before it were already inserted by the statement when it fails, and must not survive.
    await withRefusedClaims(svc.db, "poison", async () => {
      const failing = await createPromotion(svc.db, { totalStock: 100 });
      const healthy = await createPromotion(svc.db, { totalStock: 100 });
      const before = await createUsers(svc.db, 20);
      const [poisoned] = await createUsers(svc.db, 1, "USER", "poison");
      const after = await createUsers(svc.db, 20);
      const others = await createUsers(svc.db, 40);
      // Warm the settings cache so every claim reaches the engine in the same moment.
      await attempt(svc, failing.id, (await createUsers(svc.db, 1))[0].id);
      await attempt(svc, healthy.id, (await createUsers(svc.db, 1))[0].id);

      const failingCrowd = [...before, poisoned, ...after];
      const [failingOutcomes, healthyOutcomes] = await Promise.all([
        Promise.all(failingCrowd.map((u) => attempt(svc, failing.id, u.id))),
        Promise.all(others.map((u) => attempt(svc, healthy.id, u.id))),
      ]);

      expect(failingOutcomes.find((o) => o.userId === poisoned.id)).toMatchObject({
        ok: false,
        code: "UNAVAILABLE",
        status: 503,
      });
      // More than the poisoned one failed: its batch-mates, written in the same statement.
      expect(failingOutcomes.filter((o) => !o.ok).length).toBeGreaterThan(1);
      expect(failingOutcomes.every((o) => o.ok || o.status === 503)).toBe(true);
      expect(healthyOutcomes.every((o) => o.ok && o.status === 201)).toBe(true);

      for (const [promotion, outcomes] of [
        [failing, failingOutcomes],
        [healthy, healthyOutcomes],
      ] as const) {
        const rows = await svc.db.claim.findMany({ where: { promotionId: promotion.id } });
        const stored = await svc.db.promotion.findUniqueOrThrow({ where: { id: promotion.id } });
        const toldSuccess = outcomes.filter((o) => o.ok).map((o) => o.userId);
        const rowUsers = rows.map((r) => r.userId);
        // Every success has its row; every 503 has none (plus the warm-up claim's row).
        for (const user of toldSuccess) expect(rowUsers).toContain(user);
        expect(rows).toHaveLength(toldSuccess.length + 1);
        expect(stored.claimedCount).toBe(rows.length);
        // Redis agrees: the failed batch's reservations were released, user and stock.
        expect((await svc.engine.stock.snapshot(promotion.id))?.remaining).toBe(100 - rows.length);
        expect(new Set(await svc.engine.stock.winners(promotion.id))).toEqual(new Set(rowUsers));
      }
    });
  });
});
