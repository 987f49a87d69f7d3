// What one benchmark run puts in PostgreSQL and Redis, written directly (no app API), and the
// session cookies of its users, minted with next-auth's own encoder and the server's secret.
import pg from "pg";
import { createRedisEngine } from "../lib/engine/redis.ts";
import { sessionCookie } from "../tests/support/session-cookie.ts";
import { applyMigrations, createDatabaseIfMissing } from "../prisma/migrate.ts";

export async function createDatabase(url) {
  await createDatabaseIfMissing(url);
  await applyMigrations(url, { quiet: true });
}

export async function withClient(url, work) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Inserts `count` users with ids `${prefix}-0` .. in one statement. */
export async function insertUsers(client, prefix, count) {
  await client.query(
    `INSERT INTO "User" (id, email, "emailCanonical", "passwordHash", role)
     SELECT $1 || '-' || i, $1 || '-' || i || '@bench.test', $1 || '-' || i || '@bench.test', 'not-used-by-the-benchmark', 'USER'
     FROM generate_series(0, $2::int - 1) AS i`,
    [prefix, count],
  );
  return Array.from({ length: count }, (_, i) => `${prefix}-${i}`);
}

/** One `Cookie` header value per user id, as next-auth sets it after sign-in. */
export async function mintCookies(userIds, secret) {
  const cookies = [];
  for (const id of userIds) cookies.push(await sessionCookie({ id, email: `${id}@bench.test`, role: "USER" }, secret));
  return cookies;
}

/**
 * What sign-in also does (lib/sessions/jwt.ts): puts each account's session state into the
 * engine, so the app's claims find it there instead of reading PostgreSQL on a first claim.
 */
export async function storeSignInStates(redisUrl, keyPrefix, userIds) {
  const engine = createRedisEngine({ url: redisUrl, keyPrefix });
  const state = { revision: 0, version: 0, role: "USER", disabled: false };
  try {
    for (let i = 0; i < userIds.length; i += 500) {
      await Promise.all(userIds.slice(i, i + 500).map((id) => engine.sessionStates.put(id, state, 31 * 24 * 3_600_000)));
    }
  } finally {
    await engine.close();
  }
}

/** A published promotion whose window is open for the whole run. */
export function promotionSpec(id, totalStock, claimedCount = 0) {
  const now = Date.now();
  return { id, totalStock, claimedCount, startsAt: now - 60_000, endsAt: now + 3_600_000 };
}

export async function insertPromotion(client, p) {
  // Prisma reads "timestamp without time zone" as UTC, so the times are stored as UTC wall time.
  await client.query(
    `INSERT INTO "Promotion" (id, slug, title, "totalStock", "claimedCount", "startsAt", "endsAt",
       published, "discountType", "discountValue", "updatedAt")
     VALUES ($1, $1, 'Benchmark drop', $2, $3, to_timestamp($4 / 1000.0) AT TIME ZONE 'UTC',
       to_timestamp($5 / 1000.0) AT TIME ZONE 'UTC', true, 'PERCENT', 10, now())`,
    [p.id, p.totalStock, p.claimedCount, p.startsAt, p.endsAt],
  );
}

/** Loads promotions into the baseline's Redis keys, exactly as the app's rebuild would. */
export async function loadIntoRedis(redisUrl, keyPrefix, promotions) {
  const engine = createRedisEngine({ url: redisUrl, keyPrefix });
  try {
    for (const p of promotions) {
      const snapshot = {
        startsAt: p.startsAt,
        endsAt: p.endsAt,
        paused: false,
        published: true,
        totalStock: p.totalStock,
        remaining: p.totalStock - p.claimedCount,
      };
      await engine.stock.load(p.id, snapshot, []);
    }
  } finally {
    await engine.close();
  }
}

/** Transactions committed in the current database so far (PostgreSQL's own counter). */
export async function committedTransactions(client) {
  const { rows } = await client.query(`SELECT xact_commit::bigint AS n FROM pg_stat_database WHERE datname = current_database()`);
  return Number(rows[0].n);
}

/** The promotion's claim rows, first committed first, with claimedAt as epoch ms. */
export async function claimTimes(client, promotionId) {
  const { rows } = await client.query(
    `SELECT (extract(epoch FROM "claimedAt" AT TIME ZONE 'UTC') * 1000)::float8 AS ms
     FROM "Claim" WHERE "promotionId" = $1 AND status <> 'FAILED' ORDER BY "claimedAt"`,
    [promotionId],
  );
  return rows.map((r) => r.ms);
}

/**
 * The promotion's group-commit batches as PostgreSQL saw them: a batch is one transaction, and
 * every row of it has that transaction's now() as claimedAt. Oldest first, {atMs, rows}.
 */
export async function commitBatches(client, promotionId) {
  const { rows } = await client.query(
    `SELECT (extract(epoch FROM "claimedAt" AT TIME ZONE 'UTC') * 1000)::float8 AS ms, count(*)::int AS rows
     FROM "Claim" WHERE "promotionId" = $1 GROUP BY "claimedAt" ORDER BY "claimedAt"`,
    [promotionId],
  );
  return rows.map((r) => ({ atMs: r.ms, rows: r.rows }));
}
