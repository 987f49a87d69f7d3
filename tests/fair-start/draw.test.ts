// The draw at T0 against the machine's PostgreSQL and Redis: exact, in ticket order whatever the
// arrival order, once across processes and crashes, with latecomers behind every entrant.
import { describe, expect, it } from "vitest";
import { drawAndWait, runDraw } from "@/lib/fair-start/draw";
import { recordEntry } from "@/lib/fair-start/entry-batch";
import { ticketOf } from "@/lib/fair-start/ticket";
import { issueDueClaims, defaultIssuanceOptions } from "@/lib/issuance/worker";
import { updatePromotion } from "@/lib/promotions/admin";
import { services, type Services } from "@/lib/services";
import { spawnAppScript } from "@/tests/support/app-script";
import { createFairStartPromotion, enter, expectedWinners, rankByTicket, reachT0 } from "@/tests/support/fair-start";
import { createUsers } from "@/tests/support/fixtures";
import { startCouponService } from "@/tests/support/http-doubles";
import { recordingDb } from "@/tests/support/sql-log";
import { attempt } from "@/tests/support/storm";

const svc = services();

/** Entrants by status, claims and engine state of a drawn promotion. */
async function drawResult(s: Services, promotionId: string) {
  const entries = await s.db.entry.findMany({ where: { promotionId }, orderBy: { ticket: "asc" } });
  const claims = await s.db.claim.findMany({ where: { promotionId, status: { not: "FAILED" } } });
  const promotion = await s.db.promotion.findUniqueOrThrow({ where: { id: promotionId } });
  return {
    seed: promotion.fairStartSeed!,
    drawnAt: promotion.fairStartDrawnAt,
    won: entries.filter((e) => e.status === "WON").map((e) => e.userId),
    lost: entries.filter((e) => e.status === "LOST").map((e) => e.userId),
    positions: entries.map((e) => e.position),
    claimUsers: claims.map((c) => c.userId),
    claimedCount: promotion.claimedCount,
    remaining: (await s.engine.stock.snapshot(promotionId))?.remaining,
    engineWinners: (await s.engine.stock.winners(promotionId))?.sort(),
  };
}

const sorted = (ids: readonly string[]) => [...ids].sort();

describe("fair start: entries", () => {
  it("a storm of entries, each person four times in parallel: one entry each, exact counts", async () => {
    const users = await createUsers(svc.db, 300);
    const p = await createFairStartPromotion(svc.db, { totalStock: 50 });
    const outcomes = await Promise.all(users.flatMap((u) => [1, 2, 3, 4].map(() => enter(svc, p.id, u.id))));
    expect(outcomes.filter((o) => "status" in o && o.status === 202)).toHaveLength(300);
    expect(outcomes.filter((o) => "status" in o && o.status === 200)).toHaveLength(900);
    expect(await svc.db.entry.count({ where: { promotionId: p.id } })).toBe(300);
    const perUser = new Set(outcomes.filter((o) => "status" in o && o.status === 202).map((o) => o.userId));
    expect(perUser.size).toBe(300);
  });

  it("a SIGKILL during the window loses no acknowledged entry", async () => {
    const users = await createUsers(svc.db, 200);
    const p = await createFairStartPromotion(svc.db, { totalStock: 10 });
    const child = spawnAppScript("fair-start-child.ts", ["enter", p.id, ...users.map((u) => u.id)]);
    const acked = await new Promise<string[]>((resolve) => {
      const seen: string[] = [];
      child.stdout.on("data", (chunk: Buffer) => {
        for (const line of chunk.toString().split("\n").filter(Boolean)) {
          const message = JSON.parse(line) as { acked?: string };
          if (message.acked) seen.push(message.acked);
          if (seen.length >= 45 && !child.killed) process.kill(-child.pid!, "SIGKILL");
        }
      });
      child.once("exit", () => resolve(seen));
    });
    expect(acked.length).toBeGreaterThanOrEqual(45);
    const stored = new Set((await svc.db.entry.findMany({ where: { promotionId: p.id } })).map((e) => e.userId));
    expect(acked.filter((id) => !stored.has(id))).toEqual([]);
  });
});

describe("fair start: the draw", () => {
  it("a last-moment crowd in the final 100 ms: the winners are exactly the lowest tickets of the acknowledged entries", async () => {
    const users = await createUsers(svc.db, 400);
    const p = await createFairStartPromotion(svc.db, { totalStock: 60, startsInMs: 1_500 });
    await new Promise((r) => setTimeout(r, p.startsAt.getTime() - Date.now() - 100));
    const shuffled = [...users].sort(() => Math.random() - 0.5);
    const outcomes = await Promise.all(
      shuffled.map((u, i) => new Promise((r) => setTimeout(r, (i * 100) / shuffled.length)).then(() => enter(svc, p.id, u.id))),
    );
    const acknowledged = outcomes.filter((o) => "status" in o).map((o) => o.userId);
    // Whatever missed T0 was told so, not acknowledged.
    expect(outcomes.filter((o) => "code" in o).every((o) => "code" in o && o.code === "ENTRY_CLOSED")).toBe(true);
    await new Promise((r) => setTimeout(r, Math.max(0, p.startsAt.getTime() - Date.now() + 20)));
    expect(await drawAndWait(svc, p.id, 10_000)).toBe("drawn");
    const result = await drawResult(svc, p.id);
    expect(sorted(result.won)).toEqual(sorted(expectedWinners(result.seed, acknowledged, 60)));
    expect(result.won.length + result.lost.length).toBe(acknowledged.length);
    expect(sorted(result.claimUsers)).toEqual(sorted(result.won));
    expect(result.positions).toEqual(acknowledged.map((_, i) => i + 1));
    expect(result.claimedCount).toBe(Math.min(60, acknowledged.length));
    expect(result.engineWinners).toEqual(sorted(result.won));
    expect(result.remaining).toBe(60 - result.won.length);
  });

  it("latecomers never get ahead of an entrant: entrants all win, latecomers share what is left", async () => {
    const entrants = await createUsers(svc.db, 6, "USER", "entrant");
    const latecomers = await createUsers(svc.db, 40, "USER", "late");
    const p = await createFairStartPromotion(svc.db, { totalStock: 10 });
    for (const u of entrants) await enter(svc, p.id, u.id);
    await reachT0(svc.db, p.id);
    // The crowd presses at T0 while the draw runs: nobody may take a coupon before it is done.
    const [claims] = await Promise.all([Promise.all(latecomers.map((u) => attempt(svc, p.id, u.id))), runDraw(svc, p.id)]);
    const lateWinners = claims.filter((c) => c.ok);
    expect(claims.filter((c) => !c.ok).every((c) => !c.ok && ["SOLD_OUT", "UNAVAILABLE"].includes(c.code))).toBe(true);
    const result = await drawResult(svc, p.id);
    expect(sorted(result.won)).toEqual(sorted(entrants.map((u) => u.id)));
    expect(lateWinners.length).toBeLessThanOrEqual(4);
    // Whoever was told 503 comes back; the stock then ends exactly at 10.
    for (const c of claims.filter((o) => !o.ok && o.code === "UNAVAILABLE")) await attempt(svc, p.id, c.userId);
    const after = await drawResult(svc, p.id);
    expect(after.claimUsers).toHaveLength(10);
    expect(after.claimedCount).toBe(10);
    expect(after.remaining).toBe(0);
    expect(after.engineWinners).toEqual(sorted(after.claimUsers));
  });

  it("a claim before T0 answers NOT_STARTED; one while another process holds the draw answers 503 (UNAVAILABLE: Retry-After)", async () => {
    const [entrant, latecomer] = await createUsers(svc.db, 2);
    const p = await createFairStartPromotion(svc.db, { totalStock: 1 });
    await enter(svc, p.id, entrant.id);
    expect(await attempt(svc, p.id, latecomer.id)).toMatchObject({ code: "NOT_STARTED", status: 403 });
    await reachT0(svc.db, p.id);
    // Another process's draw: its transaction holds the draw's advisory lock.
    const other = await svc.pool.connect();
    try {
      await other.query("BEGIN");
      await other.query("SELECT pg_advisory_xact_lock(hashtextextended($1, 0))", [`fair-start:${p.id}`]);
      const refused = await attempt(svc, p.id, latecomer.id);
      expect(refused).toMatchObject({ code: "UNAVAILABLE", status: 503 });
    } finally {
      await other.query("ROLLBACK");
      other.release();
    }
    expect(await svc.db.claim.count({ where: { promotionId: p.id } })).toBe(0);
    // Once drawn, the entrant has the coupon and the latecomer finds it gone.
    expect(await attempt(svc, p.id, latecomer.id)).toMatchObject({ code: "SOLD_OUT", status: 410 });
    expect((await drawResult(svc, p.id)).won).toEqual([entrant.id]);
  });

  it("an entrant's press after the draw: ALREADY_CLAIMED with the claim when they won, SOLD_OUT when they lost", async () => {
    const users = await createUsers(svc.db, 5);
    const p = await createFairStartPromotion(svc.db, { totalStock: 2 });
    for (const u of users) await enter(svc, p.id, u.id);
    await reachT0(svc.db, p.id);
    expect(await runDraw(svc, p.id)).toBe("drawn");
    const { won, lost } = await drawResult(svc, p.id);
    for (const id of won) expect(await attempt(svc, p.id, id)).toMatchObject({ code: "ALREADY_CLAIMED", status: 409 });
    for (const id of lost) expect(await attempt(svc, p.id, id)).toMatchObject({ code: "SOLD_OUT", status: 410 });
    expect(await svc.db.claim.count({ where: { promotionId: p.id } })).toBe(2);
  });

  it("a winner's claim that fails to issue goes to the next ticket, and a top-up to the one after", async () => {
    const secret = "fair-start-test-secret-0123456789";
    const failing = await startCouponService({ secret, status: 400 });
    try {
      const users = await createUsers(svc.db, 5, "USER", "waitlist");
      const p = await createFairStartPromotion(svc.db, { totalStock: 2, issuer: { url: failing.url, secret } });
      for (const u of users) await enter(svc, p.id, u.id);
      await reachT0(svc.db, p.id);
      expect(await runDraw(svc, p.id)).toBe("drawn");
      const order = rankByTicket(
        (await drawResult(svc, p.id)).seed,
        users.map((u) => u.id),
      );
      expect(sorted((await drawResult(svc, p.id)).won)).toEqual(sorted(order.slice(0, 2)));
      // The coupon service refuses both winners' claims (a 4xx fails a claim at once).
      for (let pass = 0; pass < 20; pass++) {
        await issueDueClaims(svc, { ...defaultIssuanceOptions, maxAttempts: 1 });
        const failed = await svc.db.claim.count({ where: { promotionId: p.id, status: "FAILED" } });
        if (failed >= 2) break;
      }
      const afterFailure = await drawResult(svc, p.id);
      expect(sorted(afterFailure.claimUsers)).toEqual(sorted(order.slice(2, 4)));
      expect(afterFailure.engineWinners).toEqual(sorted(order.slice(2, 4)));
      expect(afterFailure.remaining).toBe(0);
      const [admin] = await createUsers(svc.db, 1, "ADMIN", "admin");
      await updatePromotion(svc, admin.id, p.id, { totalStock: 3 });
      const afterTopUp = await drawResult(svc, p.id);
      expect(sorted(afterTopUp.claimUsers)).toEqual(sorted(order.slice(2, 5)));
      expect(afterTopUp.remaining).toBe(0);
    } finally {
      await failing.close();
    }
  });

  it("a SIGKILL of the process running the draw: another process finishes it, exactly once", async () => {
    const users = await createUsers(svc.db, 40, "USER", "killed");
    const p = await createFairStartPromotion(svc.db, { totalStock: 15 });
    for (const u of users) await enter(svc, p.id, u.id);
    await reachT0(svc.db, p.id);
    // Slow the draw down (each entry's position update sleeps), so the kill lands inside its transaction.
    const slow = `slow_draw_${p.id}`;
    await svc.db.$executeRawUnsafe(`
      CREATE OR REPLACE FUNCTION ${slow}() RETURNS trigger AS $$
      BEGIN
        IF NEW."promotionId" = '${p.id}' THEN PERFORM pg_sleep(0.05); END IF;
        RETURN NEW;
      END $$ LANGUAGE plpgsql`);
    await svc.db.$executeRawUnsafe(`CREATE TRIGGER ${slow} BEFORE UPDATE ON "Entry" FOR EACH ROW EXECUTE FUNCTION ${slow}()`);
    // The child's connections carry a name of their own, so the test can see it sleep mid-draw.
    const appName = `fair-draw-${p.id}`;
    process.env.PGAPPNAME = appName;
    const child = spawnAppScript("fair-start-child.ts", ["draw", p.id]);
    delete process.env.PGAPPNAME;
    const exited = new Promise((resolve) => child.once("exit", resolve));
    for (let i = 0; i < 600; i++) {
      await new Promise((r) => setTimeout(r, 25));
      const [{ n }] = await svc.db.$queryRaw<{ n: number }[]>`
        SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = ${appName} AND wait_event = 'PgSleep'`;
      if (n > 0) break;
    }
    // The child holds the draw: this process is turned away, not let in twice.
    const killedWhileBusy = (await runDraw(svc, p.id)) === "busy";
    process.kill(-child.pid!, "SIGKILL");
    await exited;
    await svc.db.$executeRawUnsafe(`DROP TRIGGER ${slow} ON "Entry"`);
    expect(killedWhileBusy).toBe(true);
    expect(await drawAndWait(svc, p.id, 20_000)).toBe("drawn");
    const result = await drawResult(svc, p.id);
    expect(sorted(result.won)).toEqual(
      sorted(
        expectedWinners(
          result.seed,
          users.map((u) => u.id),
          15,
        ),
      ),
    );
    expect(result.claimUsers).toHaveLength(15);
    expect(result.claimedCount).toBe(15);
    expect(result.positions).toEqual(users.map((_, i) => i + 1));
    expect(result.remaining).toBe(0);
    expect(result.engineWinners).toEqual(sorted(result.won));
    expect(await runDraw(svc, p.id)).toBe("drawn");
  });
});

describe("fair start: entries are group-committed", () => {
  it("the entries of one moment are written in one statement, each caller hearing of its own row", async () => {
    const { pool, db, statements } = recordingDb();
    try {
      const users = await createUsers(svc.db, 50);
      const p = await createFairStartPromotion(svc.db, { totalStock: 5 });
      const seed = p.fairStartSeed!;
      const before = statements.length;
      const rows = await Promise.all(
        [...users, users[0]].map((u) =>
          recordEntry(pool, { promotionId: p.id, userId: u.id, seed, ticket: ticketOf(seed, u.id) }),
        ),
      );
      expect(statements.slice(before).filter((s) => s.text.includes('INSERT INTO "Entry"'))).toHaveLength(1);
      expect(rows.filter((r) => r !== null)).toHaveLength(50);
      expect(rows.at(-1)).toBeNull(); // the same person twice in one moment: one row, read back by the route
      expect(await svc.db.entry.count({ where: { promotionId: p.id } })).toBe(50);
    } finally {
      await db.$disconnect();
    }
  });
});
