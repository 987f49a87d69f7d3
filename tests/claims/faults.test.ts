// Storms under faults, with real processes and services. After each: never more winners than
// stock, no user twice, no success answer without a claim row, and PostgreSQL and the stock
// engine agree after reconciliation.
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { reconcile } from "@/lib/promotions/reconcile";
import { services, type Services } from "@/lib/services";
import { spawnAppScript } from "@/tests/support/app-script";
import { createPromotion, createUsers } from "@/tests/support/fixtures";
import { usePrivateRedis } from "@/tests/support/redis-server";
import { attempt, type Outcome } from "@/tests/support/storm";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Like attempt(), but a raw failure (a dropped connection) counts as an error answer (the route's 503). */
async function attemptUnderFault(svc: Services, promotionId: string, userId: string): Promise<Outcome> {
  return attempt(svc, promotionId, userId).catch(() => ({ ok: false as const, userId, code: "ERROR", status: 503 }));
}

async function expectSafeAndReconciled(svc: Services, promotionId: string, stock: number, toldSuccess: string[]) {
  const rows = await svc.db.claim.findMany({ where: { promotionId, status: { in: ["PENDING", "ISSUED"] } } });
  const promotion = await svc.db.promotion.findUniqueOrThrow({ where: { id: promotionId } });
  const rowUsers = new Set(rows.map((r) => r.userId));
  expect(rows.length).toBeLessThanOrEqual(stock);
  expect(rowUsers.size).toBe(rows.length);
  expect(promotion.claimedCount).toBe(rows.length);
  expect(new Set(toldSuccess).size).toBe(toldSuccess.length);
  for (const user of toldSuccess) expect(rowUsers.has(user)).toBe(true);

  const fixed = (await reconcile(svc, { fix: true })).find((r) => r.promotionId === promotionId)!;
  const after = (await reconcile(svc)).find((r) => r.promotionId === promotionId)!;
  expect(after).toMatchObject({ drift: false, loaded: true, missingWinners: 0, extraWinners: 0 });
  expect(after.engine?.remaining).toBe(stock - rows.length);
  return { rows: rows.length, driftBeforeFix: fixed.drift };
}

describe("Redis restarted in the middle of a storm (private redis-server)", () => {
  const context = usePrivateRedis();

  it("loses nothing that was promised and never oversells", async () => {
    const { redis, svc } = context;
    const users = await createUsers(svc.db, 1_200);
    const promotion = await createPromotion(svc.db, { totalStock: 100 });
    const storm = Promise.all(users.map((u, i) => sleep(i % 400).then(() => attemptUnderFault(svc, promotion.id, u.id))));
    await sleep(60);
    await redis.restart();
    const outcomes = await storm;
    // People answered 503 during the outage retry, as the client does after Retry-After.
    const retried = await Promise.all(
      outcomes.filter((o) => !o.ok && o.status === 503).map((o) => attemptUnderFault(svc, promotion.id, o.userId)),
    );
    const won = [...outcomes, ...retried].filter((o) => o.ok).map((o) => o.userId);
    const result = await expectSafeAndReconciled(svc, promotion.id, 100, won);
    console.log(
      JSON.stringify({ scenario: "redis-restart", requests: outcomes.length + retried.length, winners: won.length, ...result }),
    );
  });
});

describe("PostgreSQL connections killed in the middle of a storm", () => {
  const appName = `fault-${process.pid}`;
  let pool: pg.Pool;
  let db: PrismaClient;
  let svc: Services;
  beforeAll(() => {
    // A client of its own, so only its connections are terminated, not other test files'.
    const url = new URL(process.env.DATABASE_URL!);
    url.searchParams.set("application_name", appName);
    pool = new pg.Pool({ connectionString: url.toString(), max: 10 });
    pool.on("error", () => {}); // the test terminates these connections on purpose
    db = new PrismaClient({ adapter: new PrismaPg(pool, { disposeExternalPool: true }) });
    svc = { db, pool, engine: services().engine };
  });
  afterAll(() => db.$disconnect());

  it("answers 503 for the writes that died, keeps every promise, never oversells", async () => {
    const users = await createUsers(services().db, 1_000);
    const promotion = await createPromotion(services().db, { totalStock: 150 });
    const storm = Promise.all(users.map((u, i) => sleep(i % 300).then(() => attemptUnderFault(svc, promotion.id, u.id))));
    let killed = 0;
    for (const at of [20, 60, 120]) {
      await sleep(at / 3);
      const rows = await services().db.$queryRaw<{ count: number }[]>`
        SELECT count(pg_terminate_backend(pid))::int AS count FROM pg_stat_activity WHERE application_name = ${appName}`;
      killed += rows[0].count;
    }
    const outcomes = await storm;
    const won = outcomes.filter((o) => o.ok).map((o) => o.userId);
    const result = await expectSafeAndReconciled(svc, promotion.id, 150, won);
    console.log(
      JSON.stringify({
        scenario: "pg-terminate",
        requests: outcomes.length,
        killedConnections: killed,
        winners: won.length,
        errors: outcomes.filter((o) => !o.ok && o.status === 503).length,
        ...result,
      }),
    );
  });
});

describe("the app process killed with SIGKILL in the middle of a storm, then restarted", () => {
  function runStorm(promotionId: string, userIds: string[], killAfterWins: number | null) {
    const child = spawnAppScript("storm-child.ts", [promotionId, ...userIds]);
    const won: string[] = [];
    const refused: Record<string, number> = {};
    let buffer = "";
    child.stdout.on("data", (chunk) => {
      buffer += chunk;
      const lines = buffer.split("\n");
      buffer = lines.pop()!;
      for (const line of lines) {
        const message = JSON.parse(line);
        if (message.won) won.push(message.won);
        if (message.refused) refused[message.code] = (refused[message.code] ?? 0) + 1;
        // SIGKILL to the whole process group, mid-storm: claims in flight die between steps.
        if (killAfterWins !== null && won.length === killAfterWins) process.kill(-child.pid!, "SIGKILL");
      }
    });
    return new Promise<{ won: string[]; refused: Record<string, number> }>((resolve) =>
      child.once("exit", () => resolve({ won, refused })),
    );
  }

  it("every success it announced has its claim row; the rerun settles exactly", async () => {
    const svc = services();
    const users = await createUsers(svc.db, 600);
    const promotion = await createPromotion(svc.db, { totalStock: 80 });
    const ids = users.map((u) => u.id);
    const firstRun = await runStorm(promotion.id, ids, 20);
    expect(firstRun.won.length).toBeGreaterThanOrEqual(20);
    const secondRun = await runStorm(promotion.id, ids, null);
    console.log(JSON.stringify({ refusedAfterRestart: secondRun.refused }));
    const result = await expectSafeAndReconciled(svc, promotion.id, 80, [...firstRun.won, ...secondRun.won]);
    // With 600 people for 80 coupons, the restarted app hands out everything that is left.
    expect(result.rows).toBe(80);
    console.log(
      JSON.stringify({
        scenario: "app-sigkill",
        toldSuccessBeforeKill: firstRun.won.length,
        toldSuccessAfterRestart: secondRun.won.length,
        ...result,
      }),
    );
  }, 120_000);
});
