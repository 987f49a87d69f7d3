import type pg from "pg";
import { LATENCY_BUCKETS } from "./histogram";
import { OUTCOMES } from "./outcomes";

// The per-second series of claim outcomes in PostgreSQL ("ClaimSecond"), kept after the drop.

/** One promotion-second as written by a flush and read by the report. */
export interface ClaimSecondRow {
  promotionId: string;
  second: number; // epoch seconds
  counts: number[]; // by OUTCOMES index
  latency: number[]; // by histogram bucket
  remaining: number | null;
  triers: number;
}

const columns = OUTCOMES.map((o) => `"${o}"`);

/**
 * Adds a flush's rows in ONE statement: counts and latency buckets add to what other instances
 * wrote for the same second, remaining keeps the lowest, triers the highest. Rows of promotions
 * deleted meanwhile are skipped (the join), so one of them never fails the batch.
 */
export async function addClaimSeconds(pool: pg.Pool, rows: readonly ClaimSecondRow[]): Promise<void> {
  if (rows.length === 0) return;
  const json = rows.map((r) => ({
    promotionId: r.promotionId,
    second: r.second,
    ...Object.fromEntries(OUTCOMES.map((o, i) => [o, r.counts[i] ?? 0])),
    latency: r.latency,
    remaining: r.remaining,
    triers: r.triers,
  }));
  await pool.query(
    `INSERT INTO "ClaimSecond" ("promotionId", second, ${columns.join(", ")}, latency, remaining, triers)
     SELECT r."promotionId", r.second, ${columns.map((c) => `r.${c}`).join(", ")}, r.latency, r.remaining, r.triers
     FROM json_to_recordset($1::json) AS r("promotionId" text, second bigint, ${columns.map((c) => `${c} int`).join(", ")},
       latency int[], remaining int, triers int)
     JOIN "Promotion" p ON p.id = r."promotionId"
     ON CONFLICT ("promotionId", second) DO UPDATE SET
       ${columns.map((c) => `${c} = "ClaimSecond".${c} + excluded.${c}`).join(", ")},
       latency = ARRAY(
         SELECT COALESCE(a, 0) + COALESCE(b, 0)
         FROM unnest("ClaimSecond".latency, excluded.latency) WITH ORDINALITY AS u(a, b, i) ORDER BY i
       ),
       remaining = LEAST("ClaimSecond".remaining, excluded.remaining),
       triers = GREATEST("ClaimSecond".triers, excluded.triers)`,
    [JSON.stringify(json)],
  );
}

interface StoredRow {
  second: string; // bigint
  latency: number[] | null;
  remaining: number | null;
  triers: number;
  [outcome: string]: unknown;
}

/** A promotion's seconds in [fromSecond, toSecond] (epoch s), oldest first: a range of the primary key. */
export async function readClaimSeconds(
  pool: pg.Pool,
  promotionId: string,
  fromSecond = 0,
  toSecond = Number.MAX_SAFE_INTEGER,
): Promise<ClaimSecondRow[]> {
  const { rows } = await pool.query<StoredRow>(
    `SELECT second, ${columns.join(", ")}, latency, remaining, triers FROM "ClaimSecond"
     WHERE "promotionId" = $1 AND second BETWEEN $2 AND $3 ORDER BY second`,
    [promotionId, fromSecond, toSecond],
  );
  return rows.map((r) => ({
    promotionId,
    second: Number(r.second),
    counts: OUTCOMES.map((o) => Number(r[o])),
    latency: Array.from({ length: LATENCY_BUCKETS }, (_, i) => r.latency?.[i] ?? 0),
    remaining: r.remaining,
    triers: r.triers,
  }));
}

/** Won claims per second of several promotions in [fromSecond, toSecond]: one range of the primary key each. */
export async function wonPerSecond(pool: pg.Pool, promotionIds: string[], fromSecond: number, toSecond: number) {
  const { rows } = await pool.query<{ promotionId: string; second: string; won: number }>(
    `SELECT "promotionId", second, won FROM "ClaimSecond"
     WHERE "promotionId" = ANY($1) AND second BETWEEN $2 AND $3`,
    [promotionIds, fromSecond, toSecond],
  );
  return rows.map((r) => ({ promotionId: r.promotionId, second: Number(r.second), won: r.won }));
}
