"use client";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { AuditLog } from "./audit-log";
import { DeleteButton } from "./delete-button";
import type { DetailEntry } from "./live-cache";
import { LiveStatus } from "./live-status";
import { LoadError } from "./load-error";
import { PauseButton } from "./pause-button";
import { FairStartSummary, PromotionMeta } from "./promotion-meta";
import { usePromotion } from "./queries";
import { StatGrid } from "./stat-grid";
import { buttonClass } from "./styles";
import { useLiveStream } from "./use-live";
import { WinnersTable } from "./winners-table";

/** One promotion: live numbers and controls, then its winners and its audit log. */
export function PromotionDetail({ id }: { id: string }) {
  const t = useTranslations("admin");
  const pushed = useLiveStream([id]);
  const query = usePromotion(id, { poll: !pushed });
  if (query.isPending) return <p className="text-slate-600">{t("loading")}</p>;
  if (query.isError) return <LoadError error={query.error} />;
  const { promotion, stats, claimRate } = query.data as DetailEntry;
  return (
    <div className="space-y-8">
      <section className="space-y-4 rounded-xl border border-slate-200 bg-white p-4 shadow-sm sm:p-6">
        <div className="space-y-2">
          <h1 className="text-2xl font-bold">{promotion.title}</h1>
          <PromotionMeta promotion={promotion} />
          <p className="text-sm text-slate-600">
            {t("publicPage")}{" "}
            <Link href={`/p/${promotion.slug}`} className="font-mono underline">
              /p/{promotion.slug}
            </Link>
          </p>
          {promotion.description && <p className="text-slate-700">{promotion.description}</p>}
        </div>
        <FairStartSummary promotion={promotion} />
        <StatGrid promotion={promotion} stats={stats} claimRate={claimRate} />
        <LiveStatus updatedAt={query.dataUpdatedAt} failed={query.isRefetchError} pushed={pushed} />
        <div className="flex flex-wrap items-center gap-2">
          <PauseButton promotion={promotion} />
          <Link href={`/admin/promotions/${promotion.id}/edit`} className={buttonClass.secondary}>
            {t("edit")}
          </Link>
          <Link href={`/admin/promotions/${promotion.id}/report`} className={buttonClass.secondary}>
            {t("dropReport")}
          </Link>
          <DeleteButton promotion={promotion} claims={stats.claimed + stats.failed} />
        </div>
      </section>
      <WinnersTable promotionId={promotion.id} timeZone={promotion.timeZone} poll={!pushed} />
      <AuditLog promotionId={promotion.id} timeZone={promotion.timeZone} />
    </div>
  );
}
