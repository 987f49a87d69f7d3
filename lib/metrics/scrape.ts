import "server-only";
import { Gauge } from "prom-client";
import { log } from "@/lib/log";
import { processState } from "@/lib/process-state";
import type { Services } from "@/lib/services";
import { claimMetrics, type ClaimMetrics } from "./prometheus";

// What /api/metrics reads at scrape time, on top of the counters the claim path keeps: the
// remaining stock of each live promotion (from the engine) and the issuing queue (PostgreSQL:
// the partial index on PENDING claims holds only them, so the count stays cheap).

interface ScrapeGauges {
  remaining: Gauge<"promotion" | "slug">;
  queueDepth: Gauge;
  oldestPending: Gauge;
}
function gauges(metrics: ClaimMetrics): ScrapeGauges {
  return processState("metrics:scrape-gauges", () => ({
    remaining: new Gauge({
      name: "coupon_stock_remaining",
      help: "Remaining stock of each live promotion, as the stock engine holds it",
      labelNames: ["promotion", "slug"] as const,
      registers: [metrics.registry],
    }),
    queueDepth: new Gauge({
      name: "coupon_issuing_queue_depth",
      help: "Claims waiting for an external coupon service (PENDING)",
      registers: [metrics.registry],
    }),
    oldestPending: new Gauge({
      name: "coupon_issuing_oldest_pending_seconds",
      help: "How long the oldest PENDING claim has waited (0 when none)",
      registers: [metrics.registry],
    }),
  }));
}

// At most this many live promotions are exported (label cardinality).
const MAX_LIVE = 500;

/** The metrics in the text exposition format. A failing source is logged; the rest is still answered. */
export async function metricsText(services: Services): Promise<{ contentType: string; body: string }> {
  const metrics = claimMetrics();
  const { remaining, queueDepth, oldestPending } = gauges(metrics);
  await Promise.all([
    liveRemaining(services, remaining).catch((error) => log("warn", "metrics: remaining stock not read", { error })),
    issuingQueue(services, queueDepth, oldestPending).catch((error) => log("warn", "metrics: issuing queue not read", { error })),
  ]);
  return { contentType: metrics.registry.contentType, body: await metrics.registry.metrics() };
}

async function liveRemaining({ db, engine: { stock } }: Services, gauge: ScrapeGauges["remaining"]) {
  const now = new Date();
  const live = await db.promotion.findMany({
    where: { published: true, startsAt: { lte: now }, endsAt: { gt: now } },
    select: { id: true, slug: true },
    orderBy: { startsAt: "desc" },
    take: MAX_LIVE,
  });
  const snapshots = await Promise.all(live.map((p) => stock.snapshot(p.id)));
  gauge.reset();
  live.forEach((p, i) => {
    const snapshot = snapshots[i];
    if (snapshot) gauge.labels(p.id, p.slug).set(snapshot.remaining);
  });
}

async function issuingQueue({ pool }: Services, depth: Gauge, oldest: Gauge) {
  const { rows } = await pool.query<{ depth: number; oldest: number | null }>(
    `SELECT count(*)::int AS depth, extract(epoch FROM now() - min("claimedAt"))::float8 AS oldest
     FROM "Claim" WHERE status = 'PENDING'`,
  );
  depth.set(rows[0].depth);
  oldest.set(Math.max(0, rows[0].oldest ?? 0));
}
