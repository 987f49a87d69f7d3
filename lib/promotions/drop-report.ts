import { notFound } from "@/lib/errors/domain-error";
import { fairnessSection } from "@/lib/fair-start/fairness";
import { readClaimSeconds } from "@/lib/metrics/claim-seconds";
import { emptyHistogram, mergeInto, quantile } from "@/lib/metrics/histogram";
import { OUTCOMES, outcomeLabel, type Outcome } from "@/lib/metrics/outcomes";
import type { Services } from "@/lib/services";
import { statsByPromotion } from "./stats";

// The drop report: a promotion's per-second series ("ClaimSecond", flushed by every instance)
// and its summary, for the report page and its CSV / JSON export.

/** One second of the drop. */
export interface ReportPoint {
  second: number; // epoch seconds
  time: string; // ISO
  outcomes: Record<Outcome, number>;
  total: number; // every answer of that second
  remaining: number | null; // lowest remaining stock seen by then (carried over seconds without wins)
  p50Ms: number | null;
  p99Ms: number | null;
}

// Beyond this many seconds (6 h) gaps are not filled with zero rows.
const MAX_FILLED_SECONDS = 6 * 3_600;

export async function dropReport(services: Services, promotionId: string) {
  const promotion = await services.db.promotion.findUnique({
    where: { id: promotionId },
    select: {
      id: true,
      title: true,
      slug: true,
      totalStock: true,
      claimedCount: true,
      startsAt: true,
      endsAt: true,
      timeZone: true,
    },
  });
  if (!promotion) throw notFound();
  const [rows, stats, soldOutAt, fairness] = await Promise.all([
    readClaimSeconds(services.pool, promotionId),
    statsByPromotion(services, [promotionId]),
    promotion.claimedCount >= promotion.totalStock ? lastClaimAt(services, promotionId) : Promise.resolve(null),
    fairnessSection(services, promotionId),
  ]);
  const bySecond = new Map(rows.map((r) => [r.second, r]));
  const seconds =
    rows.length > 0 && rows[rows.length - 1].second - rows[0].second <= MAX_FILLED_SECONDS
      ? Array.from({ length: rows[rows.length - 1].second - rows[0].second + 1 }, (_, i) => rows[0].second + i)
      : rows.map((r) => r.second);

  const overall = emptyHistogram();
  const totals = Object.fromEntries(OUTCOMES.map((o) => [o, 0])) as Record<Outcome, number>;
  let remaining: number | null = null;
  let uniqueTriers = 0;
  let peak: ReportPoint | null = null;
  const series = seconds.map((second): ReportPoint => {
    const row = bySecond.get(second);
    const outcomes = Object.fromEntries(OUTCOMES.map((o, i) => [o, row?.counts[i] ?? 0])) as Record<Outcome, number>;
    for (const o of OUTCOMES) totals[o] += outcomes[o];
    if (row) mergeInto(overall, row.latency);
    if (row?.remaining != null) remaining = remaining === null ? row.remaining : Math.min(remaining, row.remaining);
    uniqueTriers = Math.max(uniqueTriers, row?.triers ?? 0);
    const point: ReportPoint = {
      second,
      time: new Date(second * 1_000).toISOString(),
      outcomes,
      total: OUTCOMES.reduce((sum, o) => sum + outcomes[o], 0),
      remaining,
      p50Ms: row ? quantile(row.latency, 0.5) : null,
      p99Ms: row ? quantile(row.latency, 0.99) : null,
    };
    if (!peak || point.total > peak.total) peak = point;
    return point;
  });
  const { claimed, issued, pending, failed } = stats.get(promotionId)!;
  const topSecond = peak as ReportPoint | null;
  return {
    promotion: {
      id: promotion.id,
      title: promotion.title,
      slug: promotion.slug,
      totalStock: promotion.totalStock,
      startsAt: promotion.startsAt.toISOString(),
      endsAt: promotion.endsAt.toISOString(),
      // The report's times are shown in the promotion's zone, as its marketer wrote them.
      timeZone: promotion.timeZone,
    },
    summary: {
      soldOutAt: soldOutAt?.toISOString() ?? null,
      // From the scheduled start to the last coupon's claim.
      secondsToSellOut: soldOutAt ? Math.max(0, (soldOutAt.getTime() - promotion.startsAt.getTime()) / 1_000) : null,
      peakRequestsPerSecond: topSecond?.total ?? 0,
      peakAt: topSecond?.time ?? null,
      requests: OUTCOMES.reduce((sum, o) => sum + totals[o], 0),
      outcomes: totals,
      // People who pressed at least once (a HyperLogLog estimate on Redis) versus who won.
      uniqueTriers,
      winners: totals.won,
      claimed,
      issued,
      pending,
      failed,
      p50Ms: quantile(overall, 0.5),
      p99Ms: quantile(overall, 0.99),
    },
    series,
    // Fair-start promotions only (lib/fair-start/fairness.ts); null for classic ones.
    fairness,
  };
}

export type DropReport = Awaited<ReturnType<typeof dropReport>>;

/** When the last coupon went: the newest active claim (a range of ("promotionId", "claimedAt")). */
async function lastClaimAt({ db }: Services, promotionId: string): Promise<Date | null> {
  const last = await db.claim.findFirst({
    where: { promotionId, status: { in: ["PENDING", "ISSUED"] } },
    orderBy: { claimedAt: "desc" },
    select: { claimedAt: true },
  });
  return last?.claimedAt ?? null;
}

export const REPORT_CSV_HEADER = ["second", ...OUTCOMES.map(outcomeLabel), "total", "remaining", "p50_ms", "p99_ms"].join(",");

/** The series as CSV, one line per second (all fields are numbers or ISO times: nothing to quote). */
export function reportCsv(report: DropReport): string {
  const lines = report.series.map((p) =>
    [p.time, ...OUTCOMES.map((o) => p.outcomes[o]), p.total, p.remaining ?? "", p.p50Ms ?? "", p.p99Ms ?? ""].join(","),
  );
  return [REPORT_CSV_HEADER, ...lines].join("\n") + "\n";
}
