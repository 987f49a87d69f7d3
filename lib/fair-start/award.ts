import { randomUUID } from "node:crypto";
import { newCouponCode } from "@/lib/claims/coupon-code";
import { INSERT_BATCH, insertBatchParams, type WinnerRow } from "@/lib/claims/winner-batch";
import type { Sql } from "./sql";

const CHUNK = 1_000;

/**
 * Gives each of `userIds` a claim through the claim path's own statement (stock guard, one active
 * claim per person), ISSUED with a code for the built-in issuer or PENDING for the issuing worker.
 * Runs inside the caller's transaction, which holds the promotion's row: a refusal by the guard
 * throws, so the transaction never commits half a draw. Returns the claim ids, in order.
 */
export async function insertClaims(sql: Sql, promotionId: string, issuer: string, userIds: readonly string[]): Promise<string[]> {
  const builtin = issuer === "BUILTIN";
  const ids: string[] = [];
  for (let i = 0; i < userIds.length; i += CHUNK) {
    const rows: WinnerRow[] = userIds.slice(i, i + CHUNK).map((userId) => ({
      id: randomUUID(),
      promotionId,
      userId,
      status: builtin ? "ISSUED" : "PENDING",
      couponCode: builtin ? newCouponCode() : null,
    }));
    const stored = await sql.rows<{ id: string }>(INSERT_BATCH, insertBatchParams(rows));
    if (stored.length !== rows.length) throw new Error(`fair-start award refused by the stock guard (${promotionId})`);
    ids.push(...rows.map((r) => r.id));
  }
  return ids;
}

/** Claims for `userIds` (insertClaims) and their entries marked WON with them. */
export async function awardWinners(sql: Sql, promotionId: string, issuer: string, userIds: readonly string[]): Promise<void> {
  if (userIds.length === 0) return;
  const claimIds = await insertClaims(sql, promotionId, issuer, userIds);
  await sql.rows(
    `UPDATE "Entry" e SET status = 'WON', "claimId" = w.claim_id
     FROM unnest($2::text[], $3::text[]) AS w(user_id, claim_id)
     WHERE e."promotionId" = $1 AND e."userId" = w.user_id RETURNING 1`,
    [promotionId, userIds, claimIds],
  );
}

/** Entrants in ticket order with the given status who hold no active claim, at most `limit`. */
export async function nextByTicket(sql: Sql, promotionId: string, status: "WAITING" | "LOST", limit: number): Promise<string[]> {
  if (limit <= 0) return [];
  const rows = await sql.rows<{ userId: string }>(
    `SELECT e."userId" FROM "Entry" e
     WHERE e."promotionId" = $1 AND e.status = $2::"EntryStatus"
       AND NOT EXISTS (SELECT 1 FROM "Claim" c WHERE c."promotionId" = e."promotionId" AND c."userId" = e."userId" AND c.status <> 'FAILED')
     ORDER BY e.ticket LIMIT $3`,
    [promotionId, status, limit],
  );
  return rows.map((r) => r.userId);
}

/**
 * Stock that came back (a winner's claim failed to issue, a top-up) goes down the line first: to
 * the lost entrants with the lowest tickets. Runs in the caller's transaction, after its own
 * change to the promotion; nothing happens before the draw is done. Returns how many won.
 */
export async function fillFromWaitlist(sql: Sql, promotionId: string): Promise<number> {
  const [p] = await sql.rows<{ free: number; issuer: string }>(
    `SELECT "totalStock" - "claimedCount" AS free, "issuerType"::text AS issuer FROM "Promotion"
     WHERE id = $1 AND "fairStartDrawnAt" IS NOT NULL FOR UPDATE`,
    [promotionId],
  );
  if (!p || p.free <= 0) return 0;
  const next = await nextByTicket(sql, promotionId, "LOST", p.free);
  await awardWinners(sql, promotionId, p.issuer, next);
  return next.length;
}
