import { processState } from "@/lib/process-state";
import { bucketOf, emptyHistogram } from "./histogram";
import { OUTCOMES, type Outcome } from "./outcomes";
import { claimMetrics } from "./prometheus";

// The claim path's outcome counters: plain in-process counts per promotion and second, no
// await and no I/O on the request. The flusher (lib/metrics/flusher.ts) takes them about once a
// second. One per process (lib/process-state.ts): every copy of this module counts into it.

export interface SecondCounts {
  counts: number[]; // by OUTCOMES index
  latency: number[]; // by bucket of lib/metrics/histogram.ts
  remaining: number | null; // lowest remaining stock seen in this second
}

export interface PromotionCounts {
  seconds: Map<number, SecondCounts>;
  triers: Set<string>;
}

// Bounds on what one flush interval can hold, whatever the crowd sends.
const MAX_PROMOTIONS = 10_000;
const MAX_TRIERS_PER_PROMOTION = 200_000;

const OUTCOME_INDEX = Object.fromEntries(OUTCOMES.map((o, i) => [o, i])) as Record<Outcome, number>;

interface State {
  pending: Map<string, PromotionCounts>;
}
const state = processState<State>("metrics:outcomes", () => ({ pending: new Map() }));

export const emptySecond = (): SecondCounts => ({
  counts: new Array<number>(OUTCOMES.length).fill(0),
  latency: emptyHistogram(),
  remaining: null,
});

/** Counts one claim attempt: its outcome, how long it took, the remaining stock it saw (if any). */
export function countClaim(
  promotionId: string,
  userId: string,
  outcome: Outcome,
  ms: number,
  remaining: number | null = null,
  nowMs = Date.now(),
): void {
  claimMetrics().observe(outcome, ms);
  let promotion = state.pending.get(promotionId);
  if (!promotion) {
    if (state.pending.size >= MAX_PROMOTIONS) return;
    state.pending.set(promotionId, (promotion = { seconds: new Map(), triers: new Set() }));
  }
  const second = Math.floor(nowMs / 1_000);
  let counts = promotion.seconds.get(second);
  if (!counts) promotion.seconds.set(second, (counts = emptySecond()));
  counts.counts[OUTCOME_INDEX[outcome]] += 1;
  counts.latency[bucketOf(ms)] += 1;
  if (remaining !== null && (counts.remaining === null || remaining < counts.remaining)) counts.remaining = remaining;
  if (promotion.triers.size < MAX_TRIERS_PER_PROMOTION) promotion.triers.add(userId);
}

/** Everything counted since the last call (the flusher's batch); counting starts afresh. */
export function takeCounts(): Map<string, PromotionCounts> {
  const taken = state.pending;
  state.pending = new Map();
  return taken;
}
