import type { PromotionStatus } from "@/lib/promotions/view";

const LOOK: Record<PromotionStatus, { text: string; className: string }> = {
  LIVE: { text: "Live", className: "bg-emerald-100 text-emerald-800" },
  SCHEDULED: { text: "Upcoming", className: "bg-sky-100 text-sky-800" },
  PAUSED: { text: "Paused", className: "bg-amber-100 text-amber-900" },
  SOLD_OUT: { text: "Sold out", className: "bg-slate-200 text-slate-700" },
  ENDED: { text: "Ended", className: "bg-slate-200 text-slate-700" },
};

export function StatusBadge({ status }: { status: PromotionStatus }) {
  const { text, className } = LOOK[status];
  return <span className={`rounded-full px-2.5 py-0.5 text-xs font-semibold ${className}`}>{text}</span>;
}
