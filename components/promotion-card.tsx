import Link from "next/link";
import type { PromotionView } from "@/lib/promotions/view";
import { formatDiscount } from "./discount";
import { LocalTime } from "./local-time";
import { StatusBadge } from "./status-badge";

/** One promotion in the home page's lists; the whole card links to its page. */
export function PromotionCard({ promotion, upcoming }: { promotion: PromotionView; upcoming: boolean }) {
  return (
    <Link
      href={`/p/${promotion.slug}`}
      className="block h-full rounded-xl border border-slate-200 bg-white p-4 shadow-sm transition hover:border-slate-400 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-slate-900"
    >
      <div className="flex items-start justify-between gap-3">
        <h3 className="font-semibold text-slate-900">{promotion.title}</h3>
        <StatusBadge status={promotion.status} />
      </div>
      <p className="mt-1 text-lg font-bold text-emerald-700">{formatDiscount(promotion.discount)}</p>
      <p className="mt-1 text-sm text-slate-600">
        <Availability promotion={promotion} upcoming={upcoming} />
      </p>
    </Link>
  );
}

function Availability({ promotion, upcoming }: { promotion: PromotionView; upcoming: boolean }) {
  if (promotion.status === "SOLD_OUT") return `All ${promotion.totalStock} claimed`;
  if (promotion.status === "ENDED") {
    return (
      <>
        Ended <LocalTime iso={promotion.endsAt} />
      </>
    );
  }
  if (upcoming) {
    return (
      <>
        Starts <LocalTime iso={promotion.startsAt} />
      </>
    );
  }
  return `${promotion.remaining} of ${promotion.totalStock} left`;
}
