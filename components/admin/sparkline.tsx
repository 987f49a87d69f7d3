import { useTranslations } from "next-intl";

/** Claims per second as an inline SVG line, oldest on the left; scaled to its own peak. */
export function Sparkline({ series, width = 120, height = 32 }: { series: number[]; width?: number; height?: number }) {
  const t = useTranslations("admin");
  const peak = Math.max(1, ...series);
  const step = series.length > 1 ? width / (series.length - 1) : width;
  // Keep a pixel clear at top and bottom so the 2px stroke is never clipped.
  const y = (n: number) => height - 1 - (n / peak) * (height - 2);
  const points = series.map((n, i) => `${(i * step).toFixed(1)},${y(n).toFixed(1)}`).join(" ");
  const now = series[series.length - 1] ?? 0;
  const total = series.reduce((a, b) => a + b, 0);
  return (
    <figure className="flex items-center gap-2">
      <svg
        role="img"
        aria-label={t("sparkline", { total, peak: Math.max(0, ...series) })}
        width={width}
        height={height}
        viewBox={`0 0 ${width} ${height}`}
        className="overflow-visible"
      >
        <polygon points={`0,${height} ${points} ${width},${height}`} className="fill-emerald-100" />
        <polyline points={points} fill="none" strokeWidth={2} strokeLinejoin="round" className="stroke-emerald-600" />
      </svg>
      <figcaption className="text-xs text-slate-600 tabular-nums">{t("perSecond", { now })}</figcaption>
    </figure>
  );
}
