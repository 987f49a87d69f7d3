// The marketer dashboard's poll with 1,000,000 claims in PostgreSQL: times the use cases behind
// `GET /api/admin/promotions` (listPromotionsWithStats) and `GET /api/admin/promotions/{id}`
// (getPromotionWithStats), called the way the route handlers call them, without HTTP and session
// decoding. Creates its own database (coupon_adminbench_<id>), applies the migrations, writes the
// claims with generate_series, and drops the database at the end, also on failure or Ctrl-C.
// The stock engine is the in-process one: the figure is PostgreSQL's and the app's share.
//
//   node --conditions=react-server --import tsx bench/admin-poll.mjs
//
// Environment: BENCH_DATABASE_URL (server to use, default postgresql://postgres@127.0.0.1:5432/test),
// BENCH_CLAIMS (default 1000000), BENCH_POLLS (timed calls per read, default 200).
import { randomBytes } from "node:crypto";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "../lib/generated/prisma/client.ts";
import { getPromotionWithStats, listPromotionsWithStats } from "../lib/promotions/admin.ts";
import { createMemoryEngine } from "../lib/engine/memory.ts";
import { dropDatabase } from "../tests/support/cleanup.ts";
import { createDatabase, insertPromotion, promotionSpec, withClient } from "./data.mjs";

const CLAIMS = Number(process.env.BENCH_CLAIMS ?? 1_000_000);
const POLLS = Number(process.env.BENCH_POLLS ?? 200);
const WARMUP = 20;
const PROMOTIONS = 100; // one storm and 99 smaller ones sharing what is left
const STORM_SHARE = 0.9;
const PENDING = 2_000; // the storm's claims waiting for an external issuer
const FAILED = 500;
const LAST_MINUTE = 6_000; // the storm's claims of the last 60 s (100 a second)

const base = new URL(process.env.BENCH_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/test");
base.pathname = `/coupon_adminbench_${Date.now().toString(36)}${randomBytes(3).toString("hex")}`;
const url = base.toString();

const progress = (msg) => process.stderr.write(`[admin-poll] ${msg}\n`);

async function seed() {
  const perOther = Math.floor((CLAIMS * (1 - STORM_SHARE)) / (PROMOTIONS - 1));
  const stormClaims = CLAIMS - perOther * (PROMOTIONS - 1);
  await withClient(url, async (client) => {
    progress(`inserting ${stormClaims} users`);
    await client.query(
      `INSERT INTO "User" (id, email, "emailCanonical", "passwordHash")
       SELECT 'u' || i, 'u' || i || '@bench.test', 'u' || i || '@bench.test', 'x' FROM generate_series(0, $1::int - 1) AS i`,
      [stormClaims],
    );
    for (let p = 0; p < PROMOTIONS; p++) {
      const spec = promotionSpec(`promo${p}`, p === 0 ? stormClaims : perOther);
      // A third of the small ones ended yesterday: the dashboard still lists them.
      if (p > 0 && p % 3 === 0) Object.assign(spec, { startsAt: Date.now() - 2 * 86_400_000, endsAt: Date.now() - 86_400_000 });
      await insertPromotion(client, spec);
    }
    progress(`inserting ${CLAIMS} claims`);
    // The storm: oldest first, the last LAST_MINUTE of them spread over the last minute; the
    // first PENDING are still waiting for their coupon and the next FAILED gave up.
    await client.query(
      `INSERT INTO "Claim" (id, "promotionId", "userId", status, "couponCode", "claimedAt", "updatedAt")
       SELECT 's' || i, 'promo0', 'u' || i,
         (CASE WHEN i < $2 THEN 'PENDING' WHEN i < $2 + $3 THEN 'FAILED' ELSE 'ISSUED' END)::"ClaimStatus",
         CASE WHEN i >= $2 + $3 THEN 'S-' || i END,
         CASE WHEN i >= $1 - $4 THEN now() - ($1 - i) * interval '10 ms' ELSE now() - interval '2 hours' + i * interval '1 ms' END,
         now()
       FROM generate_series(0, $1::int - 1) AS i`,
      [stormClaims, PENDING, FAILED, LAST_MINUTE],
    );
    await client.query(
      `INSERT INTO "Claim" (id, "promotionId", "userId", status, "couponCode", "claimedAt", "updatedAt")
       SELECT 'o' || p || '-' || i, 'promo' || p, 'u' || i, 'ISSUED', 'O-' || p || '-' || i,
         now() - interval '3 days' + i * interval '1 s', now()
       FROM generate_series(1, $1::int - 1) AS p, generate_series(0, $2::int - 1) AS i`,
      [PROMOTIONS, perOther],
    );
    await client.query(
      `UPDATE "Promotion" p SET "claimedCount" =
         (SELECT count(*) FROM "Claim" c WHERE c."promotionId" = p.id AND c.status <> 'FAILED')`,
    );
    progress("vacuum analyze");
    await client.query(`VACUUM ANALYZE "Claim"`);
    await client.query(`VACUUM ANALYZE "Promotion"`);
  });
}

function summary(samples) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
  const round = (ms) => Math.round(ms * 100) / 100;
  return { calls: sorted.length, medianMs: round(at(0.5)), p99Ms: round(at(0.99)), maxMs: round(sorted.at(-1)) };
}

async function time(name, call) {
  for (let i = 0; i < WARMUP; i++) await call();
  const samples = [];
  for (let i = 0; i < POLLS; i++) {
    const started = performance.now();
    // Serialized like the route handler's answer, so the JSON cost is in the figure.
    JSON.stringify(await call());
    samples.push(performance.now() - started);
  }
  const result = { read: name, ...summary(samples) };
  console.log(JSON.stringify(result));
  return result;
}

async function main() {
  await createDatabase(url);
  await seed();
  const claims = await withClient(url, async (c) => (await c.query(`SELECT count(*)::int AS n FROM "Claim"`)).rows[0].n);
  progress(`${claims} claims in ${PROMOTIONS} promotions; timing ${POLLS} polls each`);
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  const db = new PrismaClient({ adapter: new PrismaPg(pool) });
  const services = { db, pool, engine: createMemoryEngine() };
  try {
    await time("GET /api/admin/promotions", () => listPromotionsWithStats(services));
    await time("GET /api/admin/promotions/{id} (the storm)", () => getPromotionWithStats(services, "promo0"));
  } finally {
    await db.$disconnect();
    await pool.end().catch(() => {});
  }
}

let cleaned = false;
async function cleanup() {
  if (cleaned) return;
  cleaned = true;
  await dropDatabase(url).catch((error) => progress(`could not drop ${url}: ${error}`));
}
process.on("SIGINT", () => void cleanup().finally(() => process.exit(130)));

try {
  await main();
} finally {
  await cleanup();
}
