import { formatDiscount } from "@/components/discount";
import { LocalTime } from "@/components/local-time";
import { StatusBadge } from "@/components/status-badge";
import type { AdminPromotion } from "./api";

export function DraftBadge() {
  return (
    <span className="rounded-full border border-dashed border-slate-400 px-2.5 py-0.5 text-xs font-semibold text-slate-600">
      Draft
    </span>
  );
}

/** Status, draft flag, discount and schedule of a promotion, in one wrapping line. */
export function PromotionMeta({ promotion }: { promotion: AdminPromotion }) {
  return (
    <div className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm text-slate-600">
      <StatusBadge status={promotion.status} />
      {!promotion.published && <DraftBadge />}
      <span>{formatDiscount(promotion.discount)}</span>
      <span>
        <LocalTime iso={promotion.startsAt} /> → <LocalTime iso={promotion.endsAt} />
      </span>
    </div>
  );
}
