import type { Services } from "@/lib/services";
import { rebuildPromotion } from "./rebuild";

export interface DriftReport {
  promotionId: string;
  slug: string;
  loaded: boolean; // false: the engine holds nothing yet; it loads on first use, nothing to compare
  database: { remaining: number; winners: number };
  engine: { remaining: number; winners: number } | null;
  missingWinners: number; // winners in PostgreSQL the engine does not know
  extraWinners: number; // winners in the engine without an active claim row (phantoms)
  drift: boolean;
  fixed: boolean;
}

/**
 * Compares the stock engine with PostgreSQL, promotion by promotion; with `fix`, reloads every
 * drifted promotion from PostgreSQL. Claims in flight show up as transient drift of a winner
 * or two: compare again, or run it when the promotion is quiet.
 */
export async function reconcile(services: Services, { fix = false } = {}): Promise<DriftReport[]> {
  const promotions = await services.db.promotion.findMany({
    select: { id: true, slug: true, totalStock: true, claimedCount: true },
    orderBy: { startsAt: "desc" },
  });
  const reports: DriftReport[] = [];
  for (const p of promotions) {
    const [snapshot, engineWinners, rows] = await Promise.all([
      services.stock.snapshot(p.id),
      services.stock.winners(p.id),
      services.db.claim.findMany({ where: { promotionId: p.id, status: { in: ["PENDING", "ISSUED"] } }, select: { userId: true } }),
    ]);
    const dbWinners = new Set(rows.map((r) => r.userId));
    const database = { remaining: p.totalStock - p.claimedCount, winners: dbWinners.size };
    const loaded = snapshot !== null && engineWinners !== null;
    const inEngine = new Set(engineWinners ?? []);
    const missingWinners = loaded ? [...dbWinners].filter((u) => !inEngine.has(u)).length : 0;
    const extraWinners = loaded ? [...inEngine].filter((u) => !dbWinners.has(u)).length : 0;
    const drift = loaded && (snapshot.remaining !== database.remaining || missingWinners > 0 || extraWinners > 0);
    const fixed = drift && fix ? await rebuildPromotion(services, p.id, true) : false;
    reports.push({
      promotionId: p.id,
      slug: p.slug,
      loaded,
      database,
      engine: loaded ? { remaining: snapshot.remaining, winners: inEngine.size } : null,
      missingWinners,
      extraWinners,
      drift,
      fixed,
    });
  }
  return reports;
}
