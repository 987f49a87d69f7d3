import { singleFlightPer } from "@/lib/cache/single-flight";
import type { LiveSnapshot, StockStore } from "@/lib/engine/stock/store";
import { notFound } from "@/lib/errors/domain-error";
import { fairStartViews } from "@/lib/fair-start/public";
import type { FairStartView } from "@/lib/fair-start/view";
import { rebuildPromotion } from "@/lib/promotions/rebuild";
import type { Services } from "@/lib/services";
import { promotionExists } from "./claim-config";
import type { PublicListQuery } from "./schemas";
import { promotionStatus, promotionView, type PromotionView } from "./view";

export interface PublicList {
  /** Live and upcoming promotions (soonest start first), then one page of ended ones (latest end first). */
  promotions: PromotionView[];
  ended: { page: number; pageSize: number; total: number };
}

/**
 * What the public sees: every published promotion whose window has not closed, and one page of
 * those that ended, never the whole history. Both are ranges of the (published, endsAt) index.
 */
export async function listPublicPromotions(services: Services, query: PublicListQuery): Promise<PublicList> {
  const { db } = services;
  const now = Date.now();
  const ended = { published: true, endsAt: { lte: new Date(now) } };
  const [current, endedPage, endedTotal] = await Promise.all([
    db.promotion.findMany({ where: { published: true, endsAt: { gt: new Date(now) } }, orderBy: { startsAt: "asc" } }),
    db.promotion.findMany({
      where: ended,
      orderBy: [{ endsAt: "desc" }, { id: "desc" }],
      skip: (query.endedPage - 1) * query.endedPageSize,
      take: query.endedPageSize,
    }),
    db.promotion.count({ where: ended }),
  ]);
  const rows = [...current, ...endedPage];
  const [live, fair] = await Promise.all([
    Promise.all(rows.map((row) => services.engine.stock.snapshot(row.id))),
    fairStartViews(services, rows),
  ]);
  return {
    // A classic promotion's entry keeps the fields it always had; a fair-start one adds `fairStart`.
    promotions: rows.map((row, i) => {
      const fairStart = fair.get(row.id);
      return fairStart ? { ...promotionView(row, live[i], now), fairStart } : promotionView(row, live[i], now);
    }),
    ended: { page: query.endedPage, pageSize: query.endedPageSize, total: endedTotal },
  };
}

/** One published promotion, with `fairStart` (null for a classic one). */
export async function getPublishedPromotion(
  services: Services,
  idOrSlug: { id: string } | { slug: string },
): Promise<PromotionView & { fairStart: FairStartView | null }> {
  const row = await services.db.promotion.findUnique({ where: idOrSlug });
  if (!row || !row.published) throw notFound();
  const [live, fair] = await Promise.all([services.engine.stock.snapshot(row.id), fairStartViews(services, [row])]);
  return { ...promotionView(row, live), fairStart: fair.get(row.id) ?? null };
}

/**
 * Live stock, served by the stock engine alone (the page polls it every few seconds).
 * The database is read only when the engine has to be rebuilt.
 */
export async function getLiveStock(services: Services, promotionId: string) {
  const snapshot = await liveSnapshot(services, promotionId);
  if (!snapshot?.published) throw notFound();
  // The engine's clock decides the window, so the status and the time the page syncs its
  // countdown to come from it too.
  const now = snapshot.engineNowMs;
  return {
    remaining: Math.max(snapshot.remaining, 0),
    totalStock: snapshot.totalStock,
    status: promotionStatus(snapshot, now),
    serverTime: new Date(now).toISOString(),
  };
}

// Concurrent reads of one promotion's stock share one engine call: under a polling crowd the
// engine sees one read per round trip, not one per request, and no answer is older than it.
const readsInFlight = singleFlightPer<StockStore, string, LiveSnapshot | null>("promotions/queries:reads");

function liveSnapshot(services: Services, promotionId: string): Promise<LiveSnapshot | null> {
  return readsInFlight(services.engine.stock, promotionId, () => readOrRebuild(services, promotionId));
}

async function readOrRebuild(services: Services, promotionId: string): Promise<LiveSnapshot | null> {
  const snapshot = await services.engine.stock.snapshot(promotionId);
  if (snapshot) return snapshot;
  // An id the database does not know (a typo, a scan of random ids) is answered by the bounded
  // one-second lookup cache: one primary-key query per id and second, and no rebuild lock.
  if (!(await promotionExists(services.db, promotionId))) return null;
  if (!(await rebuildPromotion(services, promotionId))) return null;
  return services.engine.stock.snapshot(promotionId);
}
