// The live stream's events, shared with the browser (components/admin/live-cache.ts): types only,
// so this module brings nothing server-side into a client bundle.
import type { listPromotionsWithStats } from "@/lib/promotions/admin";

/** A promotion as the live stream sends it: the dashboard's row plus claims per second. */
export type LivePromotion = Awaited<ReturnType<typeof listPromotionsWithStats>>[number] & { claimRate: number };

/** The first event of every connection: the whole state of what it watches. */
export interface LiveSnapshotEvent {
  promotions: LivePromotion[];
  /** Watched ids that name no promotion (deleted, or never existed). */
  missing: string[];
}
/** Later events: the promotions that changed, and those that are gone. */
export interface LiveUpdateEvent {
  promotions: LivePromotion[];
  removed: string[];
}
