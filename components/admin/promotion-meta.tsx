import { useTranslations } from "next-intl";
import { LocalTime } from "@/components/local-time";
import { PromotionHeadline } from "@/components/promotion-headline";
import { StatusBadge } from "@/components/status-badge";
import { useTermsText } from "@/components/terms-text";
import { ZonedTime } from "@/components/zoned-time";
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

/** A fair-start promotion's draw: the window, the live entrant count, the commitment and, once drawn, the seed. */
export function FairStartSummary({ promotion }: { promotion: AdminPromotion }) {
  const fair = promotion.fairStart;
  if (!fair) return null;
  return (
    <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm break-all">
      <dt className="text-slate-500">Entries open</dt>
      <dd>
        <LocalTime iso={fair.opensAt} /> ({fair.windowSeconds.toLocaleString("en")} s before the start)
      </dd>
      <dt className="text-slate-500">Entrants</dt>
      <dd>{fair.entrants.toLocaleString("en")}</dd>
      <dt className="text-slate-500">Draw</dt>
      <dd>{fair.drawnAt ? <LocalTime iso={fair.drawnAt} /> : "not drawn yet (runs at the start)"}</dd>
      <dt className="text-slate-500">Seed hash</dt>
      <dd className="font-mono">{fair.seedSha256}</dd>
      <dt className="text-slate-500">Seed</dt>
      <dd className="font-mono">{fair.seed ?? "secret until the draw"}</dd>
    </dl>
  );
}
