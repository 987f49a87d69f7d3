"use client";
import { useTranslations } from "next-intl";
import { useBrowserClock } from "@/components/use-server-clock";
import type { FormDefaults } from "./form-values";
import { LoadError } from "./load-error";
import { PromotionForm } from "./promotion-form";
import { usePromotion } from "./queries";
import { useLiveStream } from "./use-live";

/** The edit form for one promotion, with what a live promotion does not allow and why. */
export function EditPromotion({ id, timeZones, defaults }: { id: string; timeZones: string[]; defaults: FormDefaults }) {
  const t = useTranslations("admin");
  const query = usePromotion(id, { poll: !useLiveStream([id]) });
  // Ticking, so the start time locks by itself when the promotion starts while the form is open.
  const now = useBrowserClock();
  if (query.isPending) return <p className="text-slate-600">{t("loading")}</p>;
  if (query.isError) return <LoadError error={query.error} />;
  const { promotion, stats } = query.data;
  const started = now !== null && Date.parse(promotion.startsAt) <= now;
  return (
    <div className="space-y-5">
      <h1 className="text-2xl font-bold">{t("editTitle", { title: promotion.title })}</h1>
      {started && (
        <div className="rounded-lg border border-amber-200 bg-amber-50 px-4 py-3 text-sm text-amber-950">
          <p className="font-semibold">{t("startedTitle")}</p>
          <ul className="mt-1 list-disc space-y-0.5 pl-5">
            <li>{t("startedStart")}</li>
            <li>{t("startedStock", { claimed: stats.claimed })}</li>
            <li>{t("startedEnd")}</li>
            <li>{t("startedFixed")}</li>
          </ul>
        </div>
      )}
      {/* Keyed by id: the form keeps what is typed while the numbers around it refresh. */}
      <PromotionForm
        key={promotion.id}
        promotion={promotion}
        claimed={stats.claimed}
        started={started}
        timeZones={timeZones}
        defaults={defaults}
      />
    </div>
  );
}
