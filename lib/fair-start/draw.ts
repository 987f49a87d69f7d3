import pg from "pg";
import { boundedCache } from "@/lib/cache/lru";
import { singleFlight } from "@/lib/cache/single-flight";
import { forgetSoldOut } from "@/lib/claims/sold-out";
import { markChanged } from "@/lib/live/changes";
import { log } from "@/lib/log";
import { processState } from "@/lib/process-state";
import { forgetClaimConfig } from "@/lib/promotions/claim-config";
import { rebuildPromotion } from "@/lib/promotions/rebuild";
import type { Services } from "@/lib/services";
import { insertClaims, nextByTicket } from "./award";
import { pgSql } from "./sql";

/** drawn: done (now or before); not due: before T0; busy: another process is drawing; none: no fair start. */
export type DrawOutcome = "drawn" | "not due" | "busy" | "none";

// Promotions this process knows are drawn: a draw is done once and for all.
const drawn = processState("fair-start/draw:drawn", () => boundedCache<string, true>({ max: 10_000, ttlMs: 24 * 3_600_000 }));
// Concurrent triggers in this process (timer, entry reads, claims) share one attempt.
const attempts = processState("fair-start/draw:attempts", () => singleFlight<string, DrawOutcome>());

export const knownDrawn = (promotionId: string): boolean => drawn.get(promotionId) === true;

/**
 * Runs the draw of a fair-start promotion once it is due, exactly once across instances and
 * crashes. The whole draw is one transaction:
 * 1. a transaction-scoped advisory lock names the one drawer; the others answer "busy" at once;
 * 2. the promotion's row is locked FOR UPDATE, which waits for every entry still committing (an
 *    entry holds the row FOR KEY SHARE while it inserts), so every acknowledged entry is in the draw,
 *    and no entry commits after it (an entry's guard needs the time before T0);
 * 3. in one pass every entrant gets a position and a result: the lowest tickets up to the stock get claims through
 *    the claim path's statement, the others are LOST, drawnAt is set.
 * A drawer that dies rolls back with its connection; the next trigger (every instance's timer,
 * or the first request) draws again from scratch, and since the order is fixed by the seed the
 * result is the same. After the commit the stock engine is reloaded from PostgreSQL, so Redis
 * agrees with the winners before latecomers are let in.
 */
export function runDraw(services: Services, promotionId: string): Promise<DrawOutcome> {
  if (knownDrawn(promotionId)) return Promise.resolve("drawn");
  return attempts(promotionId, () => drawOnce(services, promotionId));
}

async function drawOnce(services: Services, promotionId: string): Promise<DrawOutcome> {
  const { client, release } = await drawConnection(services);
  const sql = pgSql(client);
  let outcome: DrawOutcome;
  let winners = 0;
  let drewHere = false;
  let free = 0;
  try {
    await client.query("BEGIN");
    const [lock] = await sql.rows<{ ok: boolean }>(`SELECT pg_try_advisory_xact_lock(hashtextextended($1, 0)) AS ok`, [
      `fair-start:${promotionId}`,
    ]);
    if (!lock.ok) outcome = "busy";
    else {
      const [p] = await sql.rows<{ free: number; issuer: string; window: number | null; drawn: boolean; due: boolean }>(
        `SELECT "totalStock" - "claimedCount" AS free, "issuerType"::text AS issuer, "fairStartWindowSeconds" AS window,
           "fairStartDrawnAt" IS NOT NULL AS drawn, now() >= "startsAt" AS due
         FROM "Promotion" WHERE id = $1 FOR UPDATE`,
        [promotionId],
      );
      free = p?.free ?? 0;
      if (!p || p.window === null) outcome = "none";
      else if (p.drawn) outcome = "drawn";
      else if (!p.due) outcome = "not due";
      else {
        const won = await nextByTicket(sql, promotionId, "WAITING", p.free);
        const claimIds = await insertClaims(sql, promotionId, p.issuer, won);
        // One pass over the entrants: position, result and the winner's claim. No RETURNING:
        // nothing of the whole crowd travels back.
        await sql.rows(
          `UPDATE "Entry" e SET position = r.rank, "claimId" = w.claim_id,
             status = CASE WHEN w.user_id IS NULL THEN 'LOST' ELSE 'WON' END::"EntryStatus"
           FROM (SELECT "userId", row_number() OVER (ORDER BY ticket) AS rank FROM "Entry" WHERE "promotionId" = $1) r
           LEFT JOIN unnest($2::text[], $3::text[]) AS w(user_id, claim_id) ON w.user_id = r."userId"
           WHERE e."promotionId" = $1 AND e."userId" = r."userId"`,
          [promotionId, won, claimIds],
        );
        await sql.rows(`UPDATE "Promotion" SET "fairStartDrawnAt" = now() WHERE id = $1`, [promotionId]);
        winners = won.length;
        drewHere = true;
        outcome = "drawn";
      }
    }
    await client.query(outcome === "drawn" ? "COMMIT" : "ROLLBACK");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    await release(true);
    throw error;
  }
  await release(false);
  if (outcome === "drawn") await afterDraw(services, promotionId, drewHere ? winners : null, free);
  return outcome;
}

/**
 * The engine learns the draw's winners before this process lets latecomers in. A draw found done
 * by another process is reloaded only when the engine's stock disagrees with PostgreSQL's (its
 * drawer may have died between the commit and the reload).
 */
async function afterDraw(services: Services, promotionId: string, winners: number | null, free: number) {
  if (winners !== null) log("info", "fair-start draw done", { promotionId, winners });
  const snapshot = winners === null ? await services.engine.stock.snapshot(promotionId) : null;
  if (winners !== null || snapshot?.remaining !== free) {
    forgetSoldOut(promotionId);
    forgetClaimConfig(promotionId);
    await rebuildPromotion(services, promotionId, true);
    markChanged(services.engine, promotionId);
  }
  drawn.set(promotionId, true);
}

/**
 * The draw's own connection, outside the pool: at T0 the pool may have a queue of requests (a
 * crowd's late entries, claims waiting for this very draw), and the draw must not wait behind
 * them. A one-connection pool (the embedded database, which must see one connection) is used as is.
 */
async function drawConnection(
  services: Services,
): Promise<{ client: pg.ClientBase; release: (broken: boolean) => Promise<void> }> {
  if (services.pool.options.max === 1) {
    const client = await services.pool.connect();
    return { client, release: async (broken) => client.release(broken) };
  }
  const client = new pg.Client(services.pool.options);
  client.on("error", () => {}); // a dropped connection surfaces in the query that needed it
  await client.connect();
  return { client, release: () => client.end().catch(() => {}) };
}

const WAIT_STEP_MS = 50;

/** Triggers the draw and waits for it (done here or by another process) for up to `waitMs`. */
export async function drawAndWait(services: Services, promotionId: string, waitMs: number): Promise<DrawOutcome> {
  const deadline = Date.now() + waitMs;
  for (;;) {
    const outcome = await runDraw(services, promotionId);
    if (outcome !== "busy" || Date.now() >= deadline) return outcome;
    await new Promise((resolve) => setTimeout(resolve, WAIT_STEP_MS));
  }
}
