import { useTranslations } from "next-intl";
import type { Stock } from "./api";

interface Props {
  stock: Pick<Stock, "remaining" | "totalStock" | "status">;
  /** Off for a viewer who holds a coupon of it. */
  soldOutBadge?: boolean;
}

/** Remaining coupons as a number and a bar. Not a live region: it changes every poll. */
export function StockMeter({ stock, soldOutBadge = true }: Props) {
  const t = useTranslations("stock");
  const { remaining, totalStock } = stock;
  const soldOut = soldOutBadge && (stock.status === "SOLD_OUT" || remaining === 0);
  const percent = totalStock > 0 ? Math.round((remaining / totalStock) * 100) : 0;
  return (
    <div>
      <div className="flex items-baseline justify-between gap-2">
        <p className="text-slate-700">
          {t.rich("left", {
            remaining,
            total: totalStock,
            count: (chunks) => (
              <span data-testid="remaining" className="text-2xl font-bold text-slate-900 tabular-nums">
                {chunks}
              </span>
            ),
          })}
        </p>
        {soldOut && (
          <span className="rounded-full bg-slate-900 px-2.5 py-0.5 text-sm font-semibold text-white">{t("soldOut")}</span>
        )}
      </div>
      <div className="mt-2 h-2.5 overflow-hidden rounded-full bg-slate-200" aria-hidden="true">
        <div className="h-full rounded-full bg-emerald-500 transition-[width] duration-500" style={{ width: `${percent}%` }} />
      </div>
    </div>
  );
}
