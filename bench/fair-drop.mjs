// Scenario (g), a fair drop: 20,000 entrants spread over a 10 s entry window, 2,000 coupons, 200
// connections. Entries are measured against the durable floor's bare entry (one committed insert
// with its ticket); then the app's own draw runs at T0 (its timer, nothing called from here) and
// the run measures how long after T0 every entrant's status is settled, and checks the result as
// an outsider would: exactly the stock in winners, the lowest tickets, every ticket recomputed
// from the revealed seed, and the seed matching the hash published before.
import { newSeed, seedSha256, ticketOf } from "../lib/fair-start/ticket.ts";
import { withClient } from "./data.mjs";
import { runLoad } from "./load.mjs";
import { scenarioLine } from "./report.mjs";
import { FAIR_CONNECTIONS, FAIR_STOCK, FAIR_USERS } from "./scenarios.mjs";

const WINDOW_MS = 10_000;
// T0 comes this long after the app's entries start: the window, plus a margin for a server that
// falls behind the pace (an entry after T0 is refused, and counted as not acknowledged).
const T0_AFTER_MS = WINDOW_MS + 2_000;
const SETTLE_TIMEOUT_MS = 60_000;
const POLL_MS = 5;

async function insertFairPromotion(client, id, startsAt) {
  const seed = newSeed();
  // Prisma reads "timestamp without time zone" as UTC, so the times are stored as UTC wall time.
  await client.query(
    `INSERT INTO "Promotion" (id, slug, title, "totalStock", "startsAt", "endsAt", published, "discountType", "discountValue",
       "updatedAt", "fairStartWindowSeconds", "fairStartSeed", "fairStartSeedSha256")
     VALUES ($1, $1, 'Benchmark fair drop', $2, to_timestamp($3 / 1000.0) AT TIME ZONE 'UTC',
       to_timestamp($4 / 1000.0) AT TIME ZONE 'UTC', true, 'PERCENT', 10, now(), 3600, $5, $6)`,
    [id, FAIR_STOCK, startsAt, startsAt + 3_600_000, seed, seedSha256(seed)],
  );
}

/** Each entrant once, from the pool's session cookies. */
const entrants = (pool) => {
  let i = 0;
  return () => (i < Math.min(FAIR_USERS, pool.size) ? { cookie: pool.cookies[i++] } : null);
};

const enterLoad = (target, path, pool) =>
  runLoad({
    url: target.url,
    pid: target.pid,
    method: "POST",
    path,
    limit: { amount: FAIR_USERS },
    connections: FAIR_CONNECTIONS,
    rate: FAIR_USERS / (WINDOW_MS / 1_000),
    headersFor: entrants(pool),
  });

/** Polls PostgreSQL until the draw is marked and no entrant is still WAITING; returns ms after T0. */
async function settledAfterT0(databaseUrl, promotionId, t0) {
  return withClient(databaseUrl, async (client) => {
    const deadline = Date.now() + SETTLE_TIMEOUT_MS;
    while (Date.now() < deadline) {
      const { rows } = await client.query(
        `SELECT "fairStartDrawnAt" IS NOT NULL AS drawn,
           EXISTS (SELECT 1 FROM "Entry" WHERE "promotionId" = $1 AND status = 'WAITING') AS waiting
         FROM "Promotion" WHERE id = $1`,
        [promotionId],
      );
      if (rows[0].drawn && !rows[0].waiting) return Date.now() - t0;
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
    return null;
  });
}

/** The draw checked from the outside: winners, lowest tickets, tickets recomputed from the revealed seed. */
async function verifyDraw(databaseUrl, promotionId) {
  return withClient(databaseUrl, async (client) => {
    const [{ seed, hash }] = (
      await client.query(`SELECT "fairStartSeed" AS seed, "fairStartSeedSha256" AS hash FROM "Promotion" WHERE id = $1`, [
        promotionId,
      ])
    ).rows;
    const { rows: entries } = await client.query(
      `SELECT "userId", ticket, status::text AS status FROM "Entry" WHERE "promotionId" = $1 ORDER BY ticket`,
      [promotionId],
    );
    const { rows: claims } = await client.query(
      `SELECT count(*)::int AS n FROM "Claim" WHERE "promotionId" = $1 AND status <> 'FAILED'`,
      [promotionId],
    );
    const expectedWinners = Math.min(FAIR_STOCK, entries.length);
    return {
      entrants: entries.length,
      winners: entries.filter((e) => e.status === "WON").length,
      claimRows: claims[0].n,
      lowestTicketsWin: entries.every((e, i) => e.status === (i < expectedWinners ? "WON" : "LOST")),
      ticketsRecomputed: entries.filter((e) => ticketOf(seed, e.userId) === e.ticket).length,
      seedMatchesCommitment: seedSha256(seed) === hash,
    };
  });
}

/** Runs scenario (g) against the app and the durable floor; returns its JSON line. */
export async function runFairDrop({ databaseUrl, runId, app, floor, pool, progress }) {
  const scenario = {
    name: "g-fair-drop",
    about: `${FAIR_USERS.toLocaleString("en")} entrants over a ${WINDOW_MS / 1_000} s window, ${FAIR_STOCK.toLocaleString("en")} coupons, ${FAIR_CONNECTIONS} connections`,
  };
  progress(`scenario ${scenario.name}: ${scenario.about}`);
  const floorId = `fairfloor${runId}`;
  const appId = `fairapp${runId}`;
  await withClient(databaseUrl, (client) => insertFairPromotion(client, floorId, Date.now() + 3_600_000));
  const floorResult = await enterLoad(floor, `/enter/${floorId}`, pool);
  const t0 = Date.now() + T0_AFTER_MS;
  await withClient(databaseUrl, (client) => insertFairPromotion(client, appId, t0));
  const appResult = await enterLoad(app, `/api/promotions/${appId}/entry`, pool);
  const settledMs = await settledAfterT0(databaseUrl, appId, t0);
  const check = await verifyDraw(databaseUrl, appId);
  const floorEntrants = await withClient(
    databaseUrl,
    async (client) =>
      (await client.query(`SELECT count(*)::int AS n FROM "Entry" WHERE "promotionId" = $1`, [floorId])).rows[0].n,
  );
  const line = scenarioLine(scenario, "durable-floor", appResult, floorResult, {
    app: {
      acknowledged: appResult.statusCounts[202] ?? 0,
      entriesPerSec: entriesPerSec(appResult),
      settledMsAfterT0: settledMs,
      ...check,
    },
    floor: { entrants: floorEntrants, entriesPerSec: entriesPerSec(floorResult) },
  });
  // A paced, fixed batch: autocannon's own rate is not meaningful here; acknowledged entries over
  // the time to the last answer are (a server that keeps pace with the crowd does 2,000/s).
  line.ratioOf = "app entries/s / floor entries/s (acknowledged entries over the time to the last answer)";
  line.ratio = Math.round((line.entriesPerSec / line.floor.entriesPerSec) * 100) / 100;
  return line;
}

const entriesPerSec = (r) =>
  r.lastAnswerMs ? Math.round(((r.statusCounts[202] ?? 0) + (r.statusCounts[200] ?? 0)) / (r.lastAnswerMs / 1_000)) : 0;
