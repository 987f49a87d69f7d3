import { useLocale, useTranslations } from "next-intl";
import { PromotionHeadline } from "@/components/promotion-headline";
import { StatusBadge } from "@/components/status-badge";
import { useTermsText } from "@/components/terms-text";
import { useTimeValues, ZonedTime } from "@/components/zoned-time";
import type { AdminPromotion } from "./api";

export function DraftBadge() {
  const t = useTranslations("admin");
  return (
    <span className="rounded-full border border-dashed border-slate-400 px-2.5 py-0.5 text-xs font-semibold text-slate-600">
      {t("draft")}
    </span>
  );
}

/** Status, draft flag, discount and schedule of a promotion, in one wrapping line. */
export function PromotionMeta({ promotion }: { promotion: AdminPromotion }) {
  const text = useTermsText();
  const t = useTranslations("admin");
  return (
    <div className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm text-slate-600">
      <StatusBadge status={promotion.status} />
      {!promotion.published && <DraftBadge />}
      <span>
        <PromotionHeadline promotion={promotion} />
      </span>
      <span>{text.minOrder(promotion)}</span>
      <span>{text.validity(promotion)}</span>
      <span>
        <ZonedTime iso={promotion.startsAt} timeZone={promotion.timeZone} /> →{" "}
        <ZonedTime iso={promotion.endsAt} timeZone={promotion.timeZone} />
      </span>
      {promotion.fairStart && (
        <span>
          {t("fairStartMeta", {
            entrants: promotion.fairStart.entrants,
            drawn: promotion.fairStart.drawnAt ? "true" : "false",
          })}
        </span>
      )}
    </div>
  );
}

/**
 * A fair-start promotion's draw: the window, the live entrant count, the commitment and, once
 * drawn, the seed. Times in the promotion's zone, like the rest of its schedule.
 */
export function FairStartSummary({ promotion }: { promotion: AdminPromotion }) {
  const t = useTranslations("admin");
  const locale = useLocale();
  const timeValues = useTimeValues();
  const fair = promotion.fairStart;
  if (!fair) return null;
  return (
    <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm break-all">
      <dt className="text-slate-500">{t("fairEntriesOpen")}</dt>
      <dd>{t.rich("fairEntriesOpenAt", { ...timeValues(fair.opensAt, promotion.timeZone), seconds: fair.windowSeconds })}</dd>
      <dt className="text-slate-500">{t("fairEntrants")}</dt>
      <dd>{fair.entrants.toLocaleString(locale)}</dd>
      <dt className="text-slate-500">{t("fairDraw")}</dt>
      <dd>{fair.drawnAt ? <ZonedTime iso={fair.drawnAt} timeZone={promotion.timeZone} /> : t("fairNotDrawn")}</dd>
      <dt className="text-slate-500">{t("fairSeedHash")}</dt>
      <dd className="font-mono">{fair.seedSha256}</dd>
      <dt className="text-slate-500">{t("fairSeed")}</dt>
      <dd className="font-mono">{fair.seed ?? t("fairSeedSecret")}</dd>
    </dl>
  );
}
