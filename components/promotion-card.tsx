import Link from "next/link";
import { useTranslations } from "next-intl";
import type { PromotionView } from "@/lib/promotions/view";
import { PromotionHeadline } from "./promotion-headline";
import { StatusBadge } from "./status-badge";
import { useTimeValues } from "./zoned-time";

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
      <p className="mt-1 text-lg font-bold text-emerald-700">
        <PromotionHeadline promotion={promotion} />
      </p>
      <p className="mt-1 text-sm text-slate-600">
        <Availability promotion={promotion} upcoming={upcoming} />
      </p>
    </Link>
  );
}

function Availability({ promotion, upcoming }: { promotion: PromotionView; upcoming: boolean }) {
  const t = useTranslations("card");
  const timeValues = useTimeValues();
  if (promotion.status === "SOLD_OUT") return t("allClaimed", { total: promotion.totalStock });
  if (promotion.status === "ENDED") return t.rich("ended", timeValues(promotion.endsAt, promotion.timeZone));
  if (upcoming) return t.rich("starts", timeValues(promotion.startsAt, promotion.timeZone));
  return t("left", { remaining: promotion.remaining, total: promotion.totalStock });
}
