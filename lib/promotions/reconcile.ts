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
 * drifted (or not yet loaded) promotion from PostgreSQL. Claims in flight show up as transient drift of a winner
 * or two: compare again, or run it when the promotion is quiet.
 */
export async function reconcile(services: Services, { fix = false, activeOnly = false } = {}): Promise<DriftReport[]> {
  const promotions = await services.db.promotion.findMany({
    where: activeOnly ? { endsAt: { gt: new Date() } } : {},
    select: { id: true, slug: true, totalStock: true, claimedCount: true },
    orderBy: { startsAt: "desc" },
  });
  const reports: DriftReport[] = [];
  for (const p of promotions) {
    const [snapshot, engineWinners, rows] = await Promise.all([
      services.engine.stock.snapshot(p.id),
      services.engine.stock.winners(p.id),
      services.db.claim.findMany({
        where: { promotionId: p.id, status: { in: ["PENDING", "ISSUED"] } },
        select: { userId: true },
      }),
    ]);
    const dbWinners = new Set(rows.map((r) => r.userId));
    const database = { remaining: p.totalStock - p.claimedCount, winners: dbWinners.size };
    const loaded = snapshot !== null && engineWinners !== null;
    const inEngine = new Set(engineWinners ?? []);
    const missingWinners = loaded ? [...dbWinners].filter((u) => !inEngine.has(u)).length : 0;
    const extraWinners = loaded ? [...inEngine].filter((u) => !dbWinners.has(u)).length : 0;
    const drift = loaded && (snapshot.remaining !== database.remaining || missingWinners > 0 || extraWinners > 0);
    // Fixing also loads promotions the engine does not hold yet, so both sides can be compared after.
    const fixed = fix && (drift || !loaded) ? await rebuildPromotion(services, p.id, true) : false;
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

/**
 * Run when a server process starts: a process that died between a claim's script and its write
 * (SIGKILL, OOM, a crashed host) left phantom winners that hold stock nobody will get. Reloading
 * every promotion still running from PostgreSQL gives that stock back.
 */
export async function healAfterRestart(services: Services): Promise<DriftReport[]> {
  return reconcile(services, { fix: true, activeOnly: true });
}
