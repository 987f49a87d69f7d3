import { useTranslations } from "next-intl";
import type { AdminPromotion, PromotionStats } from "./api";

interface StatGridProps {
  promotion: Pick<AdminPromotion, "id" | "totalStock" | "remaining">;
  stats: PromotionStats;
  /** Claims per second, from the live stream (absent while polling). */
  claimRate?: number;
}

/** The live counters of one promotion. Remaining carries the test id the dashboard promises. */
export function StatGrid({ promotion, stats, claimRate }: StatGridProps) {
  const t = useTranslations("admin");
  const items: { label: string; value: number; testId?: string; strong?: boolean }[] = [
    { label: t("remaining"), value: promotion.remaining, testId: `remaining-${promotion.id}`, strong: true },
    { label: t("total"), value: promotion.totalStock },
    { label: t("claimed"), value: stats.claimed },
    { label: t("issued"), value: stats.issued },
    { label: t("pending"), value: stats.pending },
    { label: t("failed"), value: stats.failed },
    ...(claimRate === undefined ? [] : [{ label: t("claimsPerSecond"), value: claimRate, testId: `claim-rate-${promotion.id}` }]),
  ];
  return (
    <dl className={`grid grid-cols-3 gap-x-4 gap-y-2 ${items.length > 6 ? "sm:grid-cols-7" : "sm:grid-cols-6"}`}>
      {items.map(({ label, value, testId, strong }) => (
        <div key={label}>
          <dt className="text-xs font-medium tracking-wide text-slate-500 uppercase">{label}</dt>
          {/* Plain digits: the text is exactly the number (no thousands separators). */}
          <dd
            data-testid={testId}
            className={`tabular-nums ${strong ? "text-xl font-bold text-slate-900" : "text-lg text-slate-800"}`}
          >
            {value}
          </dd>
        </div>
      ))}
    </dl>
  );
}
