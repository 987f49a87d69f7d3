// How the live stream's events patch react-query's admin cache: pure functions, so the
// dashboard and the detail page show pushed figures exactly as they would show polled ones.
import type { Jsonified } from "@/components/jsonified";
import type { LivePromotion as ServerLivePromotion, LiveSnapshotEvent, LiveUpdateEvent } from "@/lib/live/events";
import type { DashboardPromotion, PromotionDetail } from "./api";

export type LivePromotion = Jsonified<ServerLivePromotion>;
export type SnapshotEvent = Jsonified<LiveSnapshotEvent>;
export type UpdateEvent = Jsonified<LiveUpdateEvent>;

/** Cached entries may carry claims/s: only the stream knows it (polled answers do not). */
export type DashboardEntry = DashboardPromotion & { claimRate?: number };
export type DetailEntry = PromotionDetail & { claimRate?: number };

/** A dashboard row as the detail page's answer (GET /api/admin/promotions/{id}) has it. */
export function toDetail(p: LivePromotion): DetailEntry {
  const { stats, claimsPerSecond: _series, claimRate, ...promotion } = p;
  return { promotion, stats, claimRate };
}

/**
 * The dashboard's list with an update applied: changed rows replaced in place, removed ones
 * dropped. `unknown` says a row arrived that the list lacks (a new promotion): refetch the list,
 * which also puts it in its place.
 */
export function patchList(
  list: DashboardEntry[] | undefined,
  update: UpdateEvent,
): { list?: DashboardEntry[]; unknown: boolean } {
  if (!list) return { list, unknown: update.promotions.length > 0 };
  const changed = new Map(update.promotions.map((p) => [p.id, p]));
  const removed = new Set(update.removed);
  const known = new Set(list.map((p) => p.id));
  return {
    list: list.filter((p) => !removed.has(p.id)).map((p) => changed.get(p.id) ?? p),
    unknown: update.promotions.some((p) => !known.has(p.id)),
  };
}

/** Whether an update changed who holds a coupon (so the winners table's first page is worth a refetch). */
export function claimsMoved(before: PromotionDetail["stats"] | undefined, after: PromotionDetail["stats"]): boolean {
  return !before || (["claimed", "issued", "pending", "failed"] as const).some((k) => before[k] !== after[k]);
}
