// Two app servers on one Redis and one PostgreSQL: a storm across both hands out exactly the stock.
import { spawn } from "node:child_process";
import { expect, test } from "@playwright/test";
import pg from "pg";
import { appServerEnv } from "../playwright.config";
import { adminRequest, createPromotion } from "./helpers";
import { freePort } from "../tests/support/net";
import { sessionCookie } from "../tests/support/session-cookie";

const PEOPLE = 300;
const STOCK = 40;

test("a storm across two instances: exactly the stock, nobody twice, both see it sold out", async ({ baseURL }) => {
  test.setTimeout(120_000);
  const port = await freePort();
  const second = spawn(process.execPath, [".next/production-server.cjs"], {
    env: { ...process.env, ...appServerEnv, PORT: String(port), ISSUING_WORKER: "off" },
    stdio: "ignore",
  });
  const secondURL = `http://127.0.0.1:${port}`;
  const db = new pg.Client({ connectionString: appServerEnv.DATABASE_URL });
  try {
    await expect
      .poll(
        () =>
          fetch(`${secondURL}/api/health`).then(
            (r) => r.status,
            () => 0,
          ),
        { timeout: 60_000 },
      )
      .toBe(200);
    const admin = await adminRequest(baseURL!);
    const promotion = await createPromotion(admin, { totalStock: STOCK });
    await admin.dispose();

    // People straight into the database, with session cookies as next-auth would issue them.
    await db.connect();
    const run = `${Date.now()}`;
    const { rows: people } = await db.query<{ id: string; email: string }>(
      `INSERT INTO "User" (id, email, "emailCanonical", "passwordHash", role)
       SELECT 'two-' || $1 || '-' || i, 'two-' || $1 || '-' || i || '@e2e.test', 'two-' || $1 || '-' || i || '@e2e.test', 'unused', 'USER'
       FROM generate_series(1, $2) AS i RETURNING id, email`,
      [run, PEOPLE],
    );
    const cookies = await Promise.all(people.map((p) => sessionCookie({ ...p, role: "USER" }, appServerEnv.NEXTAUTH_SECRET)));

    const answers = await Promise.all(
      cookies.map((cookie, i) =>
        fetch(`${i % 2 ? secondURL : baseURL}/api/promotions/${promotion.id}/claim`, {
          method: "POST",
          // All from this machine's address (no trusted proxy: X-Forwarded-For is ignored): 300
          // attempts, within the default per-address limit of 300 per 10 s.
          headers: { cookie },
        }).then((r) => r.status),
      ),
    );
    const counts = answers.reduce<Record<number, number>>((acc, s) => ({ ...acc, [s]: (acc[s] ?? 0) + 1 }), {});
    expect(counts).toEqual({ 201: STOCK, 410: PEOPLE - STOCK });

    const { rows } = await db.query<{ claims: number; users: number }>(
      `SELECT count(*)::int AS claims, count(DISTINCT "userId")::int AS users FROM "Claim" WHERE "promotionId" = $1`,
      [promotion.id],
    );
    expect(rows[0]).toEqual({ claims: STOCK, users: STOCK });
    for (const url of [baseURL, secondURL]) {
      expect(await (await fetch(`${url}/api/promotions/${promotion.id}/stock`)).json()).toMatchObject({
        remaining: 0,
        status: "SOLD_OUT",
      });
    }
  } finally {
    await db.end().catch(() => {});
    second.kill("SIGTERM");
  }
});
