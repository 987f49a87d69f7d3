import type pg from "pg";
import { isUniqueViolation } from "@/lib/db";
import { groupCommitPerPool, type Waiter as GroupWaiter } from "@/lib/group-commit";

/** A winner's claim row, as the claim path wants it written. */
export interface WinnerRow {
  id: string;
  promotionId: string;
  userId: string;
  status: "ISSUED" | "PENDING";
  couponCode: string | null;
}

/** The row as committed. */
export interface StoredClaim {
  id: string;
  promotionId: string;
  userId: string;
  status: string;
  couponCode: string | null;
  claimedAt: Date;
  expiresAt: Date | null;
}

// At most this many rows in one statement, and this many statements in flight per pool, so the
// batches leave connections for the rest of the app (a one-connection pool gets one batch).
const MAX_BATCH_ROWS = 200;
const MAX_IN_FLIGHT = 4;

// One statement for a whole batch of one promotion: the stock guard holds for the batch
// (claimedCount + n <= totalStock), and every row inserts or none does. A row-by-row fallback
// is the same statement with one row. A fair-start draw writes its winners with it too
// (lib/fair-start/draw.ts): one durable path for every claim. The coupon's expiry is fixed here
// from the promotion's validity, read by the guard's own UPDATE (no extra query): the fixed end,
// or claimedAt plus the days as 24-hour days (exact whatever the session's zone), or none.
export const INSERT_BATCH = `
  WITH guard AS (
    UPDATE "Promotion" SET "claimedCount" = "claimedCount" + $2
    WHERE id = $1 AND "claimedCount" + $2 <= "totalStock"
    RETURNING id, "validityDays", "validUntil"
  )
  INSERT INTO "Claim" (id, "promotionId", "userId", status, "couponCode", "nextAttemptAt", "claimedAt", "expiresAt", "updatedAt")
  SELECT r.id, guard.id, r.user_id, r.status::"ClaimStatus", r.coupon_code,
    CASE WHEN r.status = 'PENDING' THEN now() END, now(),
    COALESCE(guard."validUntil", now() + guard."validityDays" * interval '24 hours'), now()
  FROM guard CROSS JOIN unnest($3::text[], $4::text[], $5::text[], $6::text[]) AS r(id, user_id, status, coupon_code)
  RETURNING id, "promotionId", "userId", status::text AS status, "couponCode", "claimedAt", "expiresAt"`;

type Waiter = GroupWaiter<WinnerRow, StoredClaim | null>;

/**
 * Writes a winner's claim row together with the other winners of the same moment (group
 * commit, lib/group-commit.ts): one statement per promotion and batch. Each caller hears about
 * its own row only after that statement has committed.
 *
 * Resolves with the stored claim, or null when the database's stock guard refuses the row (the
 * promotion is sold out there). Rejects with the database's error when the row cannot be
 * written: a unique violation (this person already has a claim), or a failure of the batch,
 * which fails exactly the rows of that batch.
 */
export const recordWinner: (pool: pg.Pool, row: WinnerRow) => Promise<StoredClaim | null> = groupCommitPerPool(
  "claims/winner-batch",
  { keyOf: (row: WinnerRow) => row.promotionId, maxRows: MAX_BATCH_ROWS, maxInFlight: MAX_IN_FLIGHT, write: writeBatch },
);

async function writeBatch(pool: pg.Pool, batch: Waiter[]): Promise<void> {
  let stored: StoredClaim[];
  try {
    stored = await insert(pool, batch);
  } catch (error) {
    // A person already holding a claim fails the whole statement; row by row, only they fail.
    if (isUniqueViolation(error) && batch.length > 1) return writeOneByOne(pool, batch);
    for (const w of batch) w.reject(error);
    return;
  }
  // The guard refused the batch: fewer coupons are left in the database than this batch holds
  // (the engine was too generous after a rebuild). Row by row, the first ones still fit.
  if (stored.length === 0 && batch.length > 1) return writeOneByOne(pool, batch);
  const byId = new Map(stored.map((c) => [c.id, c]));
  for (const w of batch) w.resolve(byId.get(w.item.id) ?? null);
}

async function writeOneByOne(pool: pg.Pool, batch: Waiter[]): Promise<void> {
  for (const w of batch) {
    try {
      const [claim] = await insert(pool, [w]);
      w.resolve(claim ?? null);
    } catch (error) {
      w.reject(error);
    }
  }
}

async function insert(pool: pg.Pool, batch: Waiter[]): Promise<StoredClaim[]> {
  const { rows: stored } = await pool.query<StoredClaim>(INSERT_BATCH, insertBatchParams(batch.map((w) => w.item)));
  return stored;
}

/** INSERT_BATCH's parameters for rows of one promotion. */
export function insertBatchParams(rows: readonly WinnerRow[]): unknown[] {
  return [
    rows[0].promotionId,
    rows.length,
    rows.map((r) => r.id),
    rows.map((r) => r.userId),
    rows.map((r) => r.status),
    rows.map((r) => r.couponCode),
  ];
}
