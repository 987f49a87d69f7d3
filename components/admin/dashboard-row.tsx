"use client";
import Link from "next/link";
import { useTranslations } from "next-intl";
import type { DashboardEntry } from "./live-cache";
import { PauseButton } from "./pause-button";
import { PromotionMeta } from "./promotion-meta";
import { Sparkline } from "./sparkline";
import { StatGrid } from "./stat-grid";
import { buttonClass } from "./styles";

/** One promotion on the dashboard: what it is, its live counters, and what can be done with it. */
export function DashboardRow({ promotion }: { promotion: DashboardEntry }) {
  const t = useTranslations("admin");
  const hidden = (chunks: React.ReactNode) => <span className="sr-only">{chunks}</span>;
  const recentClaims = promotion.claimsPerSecond.some((n) => n > 0);
  const showRate = promotion.status === "LIVE" || recentClaims;
  const detailHref = `/admin/promotions/${promotion.id}`;
  return (
    <li className="space-y-3 rounded-xl border border-slate-200 bg-white p-4 shadow-sm">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0 space-y-1">
          <h2 className="truncate font-semibold text-slate-900">
            <Link href={detailHref} className="hover:underline">
              {promotion.title}
            </Link>
          </h2>
          <PromotionMeta promotion={promotion} />
        </div>
        {showRate && <Sparkline series={promotion.claimsPerSecond} />}
      </div>
      <StatGrid promotion={promotion} stats={promotion.stats} claimRate={promotion.claimRate} />
      <div className="flex flex-wrap gap-2">
        <PauseButton promotion={promotion} />
        <Link href={`${detailHref}/edit`} className={buttonClass.secondary}>
          {t.rich("editOf", { title: promotion.title, hidden })}
        </Link>
        <Link href={detailHref} className={buttonClass.secondary}>
          {t.rich("detailsOf", { title: promotion.title, hidden })}
        </Link>
      </div>
    </li>
  );
}
