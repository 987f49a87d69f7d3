import { wonPerSecond } from "@/lib/metrics/claim-seconds";
import type { Services } from "@/lib/services";

// The live numbers the dashboard polls every second, during the very storm PostgreSQL must
// absorb. None of them counts a promotion's claims one by one: `claimed` is the promotion's own
// counter (raised in the statement that inserts claims), `pending` and `failed` are ranges of
// partial indexes that hold only those claims (migration 20261201120000_admin_reads), and the
// last minute is a range of the per-second series ("ClaimSecond"). So a poll costs the same with a
// thousand claims or a million.

export interface PromotionStats {
  claimed: number; // active claims: issued + pending
  issued: number;
  pending: number;
  failed: number;
  oldestPendingSeconds: number | null; // how long the oldest PENDING claim has waited to be issued
}

interface StatsRow {
  id: string;
  claimed: number;
  pending: number;
  failed: number;
  oldestPendingSeconds: number | null;
}

/** The counts of each promotion, read in one statement, so from one snapshot. */
export async function statsByPromotion({ db }: Services, ids: string[]): Promise<Map<string, PromotionStats>> {
  const rows = await db.$queryRaw<StatsRow[]>`
    SELECT p.id, p."claimedCount" AS claimed, pending.count AS pending, failed.count AS failed,
      round(extract(epoch FROM now() - pending.oldest))::int AS "oldestPendingSeconds"
    FROM "Promotion" p
    CROSS JOIN LATERAL (
      SELECT count(*)::int AS count, min(c."claimedAt") AS oldest
      FROM "Claim" c WHERE c."promotionId" = p.id AND c.status = 'PENDING'
    ) pending
    CROSS JOIN LATERAL (
      SELECT count(*)::int AS count FROM "Claim" c WHERE c."promotionId" = p.id AND c.status = 'FAILED'
    ) failed
    WHERE p.id = ANY(${ids})`;
  const stats = new Map<string, PromotionStats>(
    ids.map((id) => [id, { claimed: 0, issued: 0, pending: 0, failed: 0, oldestPendingSeconds: null }]),
  );
  for (const { id, claimed, pending, failed, oldestPendingSeconds } of rows) {
    // Active claims are ISSUED or PENDING, so the rest of the counter is issued.
    stats.set(id, { claimed, issued: claimed - pending, pending, failed, oldestPendingSeconds });
  }
  return stats;
}

const RATE_WINDOW_SECONDS = 60;

/**
 * Claims won per second over the last minute, oldest first (the dashboard's sparkline): the same
 * per-second series as the drop report ("ClaimSecond", written by every instance about once a
 * second), so a range of its primary key per promotion, never the claims themselves.
 */
export async function claimRates(
  { pool }: Services,
  promotions: { id: string; startsAt: Date; endsAt: Date }[],
): Promise<Map<string, number[]>> {
  const rates = new Map(promotions.map((p) => [p.id, new Array<number>(RATE_WINDOW_SECONDS).fill(0)]));
  // Claims happen only inside a promotion's window: the others had none in the last minute.
  const now = Date.now();
  const open = promotions
    .filter((p) => p.startsAt.getTime() <= now && p.endsAt.getTime() > now - RATE_WINDOW_SECONDS * 1_000)
    .map((p) => p.id);
  if (open.length === 0) return rates;
  const nowS = Math.floor(now / 1_000);
  for (const row of await wonPerSecond(pool, open, nowS - RATE_WINDOW_SECONDS + 1, nowS)) {
    const series = rates.get(row.promotionId);
    const index = RATE_WINDOW_SECONDS - 1 - (nowS - row.second);
    if (series && index >= 0) series[index] += row.won;
  }
  return rates;
}
