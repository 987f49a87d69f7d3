import { useTranslations } from "next-intl";
import type { PromotionStatus } from "@/lib/promotions/view";

const LOOK: Record<PromotionStatus, string> = {
  LIVE: "bg-emerald-100 text-emerald-800",
  SCHEDULED: "bg-sky-100 text-sky-800",
  PAUSED: "bg-amber-100 text-amber-900",
  SOLD_OUT: "bg-slate-200 text-slate-700",
  ENDED: "bg-slate-200 text-slate-700",
};

export function StatusBadge({ status }: { status: PromotionStatus }) {
  const t = useTranslations("status");
  return <span className={`rounded-full px-2.5 py-0.5 text-xs font-semibold ${LOOK[status]}`}>{t(status)}</span>;
}
