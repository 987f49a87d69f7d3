import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from "prom-client";
import { libCopies, processState } from "@/lib/process-state";
import { LATENCY_BOUNDS_MS } from "./histogram";
import { OUTCOMES, outcomeLabel, type Outcome } from "./outcomes";

// One Prometheus registry per process (lib/process-state.ts): registering the same metric names
// twice would throw, and counts must not split between copies of this module.

export interface ClaimMetrics {
  registry: Registry;
  claims: Counter<"outcome">;
  latency: Histogram<"outcome">;
  rateLimited: Counter;
  rebuilds: Counter;
  observe(outcome: Outcome, ms: number): void;
}

export function claimMetrics(): ClaimMetrics {
  return processState("metrics:prometheus", createMetrics);
}

function createMetrics(): ClaimMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const claims = new Counter({
    name: "coupon_claims_total",
    help: "Claim attempts by outcome (signed-in people, existing promotions)",
    labelNames: ["outcome"] as const,
    registers: [registry],
  });
  // Every outcome is exported from the start, at 0, so rate() sees the first increment.
  for (const outcome of OUTCOMES) claims.labels(outcomeLabel(outcome)).inc(0);
  const latency = new Histogram({
    name: "coupon_claim_duration_seconds",
    help: "Claim latency inside the claim endpoint, by outcome",
    labelNames: ["outcome"] as const,
    buckets: LATENCY_BOUNDS_MS.map((ms) => ms / 1_000),
    registers: [registry],
  });
  const rateLimited = new Counter({
    name: "coupon_rate_limit_refusals_total",
    help: "Claims refused by the per-user or per-address rate limits (429)",
    registers: [registry],
  });
  const rebuilds = new Counter({
    name: "coupon_stock_rebuilds_total",
    help: "Loads of a promotion into the stock engine from PostgreSQL (rebuilds and reloads)",
    registers: [registry],
  });
  new Gauge({
    name: "coupon_lib_copies",
    help: "Times lib/ was loaded in this process: 1 in a production build, where Next and the fast lane share it",
    registers: [registry],
    collect() {
      this.set(libCopies());
    },
  });
  // Each outcome's series, looked up once: labels() validates its arguments and outcomeLabel() runs
  // a regex, and observe() runs on every claim (9% of a cold burst's fast-lane CPU, bench/RESULTS.md).
  const series = Object.fromEntries(
    OUTCOMES.map((outcome) => {
      const label = outcomeLabel(outcome);
      return [outcome, { claims: claims.labels(label), latency: latency.labels(label) }];
    }),
  ) as Record<Outcome, { claims: Counter.Internal; latency: Histogram.Internal<"outcome"> }>;
  return {
    registry,
    claims,
    latency,
    rateLimited,
    rebuilds,
    observe(outcome, ms) {
      series[outcome].claims.inc();
      series[outcome].latency.observe(ms / 1_000);
      if (outcome === "rateLimited") rateLimited.inc();
    },
  };
}
