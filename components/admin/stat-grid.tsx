import type { AdminPromotion, PromotionStats } from "./api";

interface StatGridProps {
  promotion: Pick<AdminPromotion, "id" | "totalStock" | "remaining">;
  stats: PromotionStats;
  /** Claims per second, from the live stream (absent while polling). */
  claimRate?: number;
}

/** The live counters of one promotion. Remaining carries the test id the dashboard promises. */
export function StatGrid({ promotion, stats, claimRate }: StatGridProps) {
  const items: { label: string; value: number; testId?: string; strong?: boolean }[] = [
    { label: "Remaining", value: promotion.remaining, testId: `remaining-${promotion.id}`, strong: true },
    { label: "Total", value: promotion.totalStock },
    { label: "Claimed", value: stats.claimed },
    { label: "Issued", value: stats.issued },
    { label: "Pending", value: stats.pending },
    { label: "Failed", value: stats.failed },
    ...(claimRate === undefined ? [] : [{ label: "Claims/s", value: claimRate, testId: `claim-rate-${promotion.id}` }]),
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
