"use client";
import { useTranslations } from "next-intl";
import { useMemo } from "react";
import type uPlot from "uplot";
import { OUTCOME_STYLE, type ReportPoint } from "./data";
import { UplotChart } from "./uplot-chart";

const HEIGHT = 240;
// Time axis: the drop with a little room, and at least half a minute (one busy second would
// otherwise be stretched over years by the automatic range).
const timeRange: uPlot.Range.Function = (_u, min, max) => {
  const pad = Math.max(1, (max - min) * 0.02);
  return [min - pad, Math.max(max + pad, min + 30)];
};
/** x and the y series with an empty second on each side: uPlot ignores the range above for one point. */
const padded = (series: ReportPoint[], ...ys: (number | null)[][]): uPlot.AlignedData => [
  [series[0].second - 1, ...series.map((p) => p.second), series[series.length - 1].second + 1],
  ...ys.map((y) => [null, ...y, null]),
];
const scales = (): uPlot.Scales => ({
  x: { time: true, range: timeRange },
  y: { range: (_u, _min, max) => [0, Math.max(1, Math.ceil(max * 1.1))] },
});
const axes = (unit: string): uPlot.Axis[] => [
  { stroke: "#334155", grid: { stroke: "#e2e8f0" } },
  { stroke: "#334155", grid: { stroke: "#e2e8f0" }, label: unit, size: 60 },
];

export function RemainingChart({ series, totalStock }: { series: ReportPoint[]; totalStock: number }) {
  const t = useTranslations("report");
  // The line starts a second before the first claim, at the full stock: the drop's first step down.
  const data = useMemo<uPlot.AlignedData>(
    () => [
      [series[0].second - 1, ...series.map((p) => p.second)],
      [totalStock, ...series.map((p) => p.remaining)],
    ],
    [series, totalStock],
  );
  const build = useMemo(
    () =>
      (U: typeof uPlot, width: number): uPlot.Options => ({
        width,
        height: HEIGHT,
        axes: axes(t("unitCouponsLeft")),
        scales: scales(),
        series: [
          {},
          {
            label: t("remaining"),
            stroke: "#047857",
            width: 2,
            fill: "rgba(4, 120, 87, 0.12)",
            spanGaps: true,
            paths: U.paths.stepped!({ align: 1 }),
          },
        ],
      }),
    [t],
  );
  const last = series.findLast((p) => p.remaining !== null)?.remaining;
  return <UplotChart data={data} build={build} label={t("remainingChart", { last: last != null ? String(last) : "none" })} />;
}

/** Claims per second, stacked by outcome: each band is drawn as the running sum, largest first. */
export function ClaimsChart({ series }: { series: ReportPoint[] }) {
  const t = useTranslations("report");
  const data = useMemo<uPlot.AlignedData>(() => {
    const running = series.map(() => 0);
    const stacked = OUTCOME_STYLE.map(({ outcome }) => series.map((p, i) => (running[i] += p.outcomes[outcome])));
    return padded(series, ...stacked.reverse());
  }, [series]);
  const build = useMemo(
    () =>
      (U: typeof uPlot, width: number): uPlot.Options => ({
        width,
        height: HEIGHT,
        axes: axes(t("unitAnswers")),
        scales: scales(),
        series: [
          {},
          ...[...OUTCOME_STYLE].reverse().map(({ color, outcome }): uPlot.Series => ({
            label: t("outcome", { outcome }),
            stroke: color,
            fill: color,
            width: 0,
            paths: U.paths.bars!({ size: [0.9, 40] }),
            // The legend shows the band's own count, not the running sum it is drawn at.
            value: (_u, _v, _s, i) => (i == null ? "—" : String(series[i]?.outcomes[outcome] ?? 0)),
          })),
        ],
      }),
    [series, t],
  );
  const peak = Math.max(0, ...series.map((p) => p.total));
  return <UplotChart data={data} build={build} label={t("claimsChart", { peak })} />;
}

export function LatencyChart({ series }: { series: ReportPoint[] }) {
  const t = useTranslations("report");
  const data = useMemo<uPlot.AlignedData>(
    () =>
      padded(
        series,
        series.map((p) => p.p50Ms),
        series.map((p) => p.p99Ms),
      ),
    [series],
  );
  const build = useMemo(
    () =>
      (_U: typeof uPlot, width: number): uPlot.Options => ({
        width,
        height: HEIGHT,
        axes: axes("ms"),
        scales: scales(),
        series: [
          {},
          { label: "p50", stroke: "#2563eb", width: 2, points: { show: true, size: 4 } },
          { label: "p99", stroke: "#c2410c", width: 2, dash: [6, 3], points: { show: true, size: 4 } },
        ],
      }),
    [],
  );
  return <UplotChart data={data} build={build} label={t("latencyChart")} />;
}
