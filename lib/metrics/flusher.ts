import type { OutcomeCounters } from "@/lib/engine/outcomes/counters";
import { log } from "@/lib/log";
import { processState } from "@/lib/process-state";
import type { Services } from "@/lib/services";
import { addClaimSeconds, type ClaimSecondRow } from "./claim-seconds";
import { takeCounts, type PromotionCounts } from "./collector";
import { mergeInto } from "./histogram";
import { OUTCOMES } from "./outcomes";

// Once a second, the claim outcomes counted in this process go
//  1. to the stock engine, one call per promotion (the live figures every instance adds to, and
//     the unique triers), and
//  2. to PostgreSQL, one additive upsert for all promotions (the series kept after the drop).
// Failures never reach a claim. The engine's figures are only the live view and expire anyway:
// a failed call is logged and not retried (a retry after a lost reply would count twice). The
// PostgreSQL rows are the record: a failed write is kept and added to the next flush, up to
// MAX_KEPT_ROWS promotion-seconds (about an hour of one busy promotion), past which the oldest
// are dropped with a warning. A commit whose reply is lost may so be counted twice: rare, and
// the report says "about".

export const FLUSH_INTERVAL_MS = 1_000;
const LIVE_SECONDS_TTL_MS = 15 * 60_000;
const TRIERS_TTL_MS = 7 * 24 * 3_600_000;
const MAX_KEPT_ROWS = 5_000;

interface FlusherState {
  kept: ClaimSecondRow[]; // rows PostgreSQL refused, for the next flush
  running: Promise<void> | null;
  timer: NodeJS.Timeout | null;
}
const state = processState<FlusherState>("metrics:flusher", () => ({ kept: [], running: null, timer: null }));

/** One flush of everything counted so far (a flush in progress is waited for first). */
export async function flushOutcomes(services: Services): Promise<void> {
  while (state.running) await state.running;
  state.running = flush(services).finally(() => (state.running = null));
  await state.running;
}

async function flush({ engine, pool }: Services): Promise<void> {
  const taken = takeCounts();
  const fresh = await Promise.all([...taken].map(([promotionId, counts]) => toEngine(engine.outcomes, promotionId, counts)));
  const rows = mergeRows([...state.kept, ...fresh.flat()]);
  state.kept = [];
  if (rows.length === 0) return;
  try {
    await addClaimSeconds(pool, rows);
  } catch (error) {
    state.kept = rows.length > MAX_KEPT_ROWS ? rows.sort((a, b) => a.second - b.second).slice(-MAX_KEPT_ROWS) : rows;
    log("warn", "claim outcome series not written; kept for the next flush", {
      error,
      kept: state.kept.length,
      dropped: rows.length - state.kept.length,
    });
  }
}

/** Sends one promotion's counts to the engine; returns its rows for PostgreSQL, with the unique triers. */
async function toEngine(outcomes: OutcomeCounters, promotionId: string, { seconds, triers }: PromotionCounts) {
  const list = [...seconds].map(([second, s]) => ({ second, ...s }));
  let uniqueTriers = 0;
  try {
    uniqueTriers = await outcomes.record(
      promotionId,
      list.map(({ second, counts, latency, remaining }) => ({ second, counts: engineFields(counts, latency), remaining })),
      [...triers],
      { secondsTtlMs: LIVE_SECONDS_TTL_MS, triersTtlMs: TRIERS_TTL_MS },
    );
  } catch (error) {
    log("warn", "live claim outcome figures not sent to the stock engine", { promotionId, error });
  }
  const latest = Math.max(...list.map((s) => s.second));
  return list.map((s): ClaimSecondRow => ({
    promotionId,
    second: s.second,
    counts: s.counts,
    latency: s.latency,
    remaining: s.remaining,
    // The count as of this flush belongs to its latest second.
    triers: s.second === latest ? uniqueTriers : 0,
  }));
}

/** Outcome counts by name and latency buckets as l0, l1, ... (what the engine stores per second). */
export function engineFields(counts: readonly number[], latency: readonly number[]): Record<string, number> {
  const fields: Record<string, number> = {};
  OUTCOMES.forEach((o, i) => {
    if (counts[i]) fields[o] = counts[i];
  });
  latency.forEach((n, i) => {
    if (n) fields[`l${i}`] = n;
  });
  return fields;
}

/** One row per promotion-second (one upsert may not touch a row twice): counts add up. */
export function mergeRows(rows: readonly ClaimSecondRow[]): ClaimSecondRow[] {
  const merged = new Map<string, ClaimSecondRow>();
  for (const row of rows) {
    const key = `${row.promotionId}\u0000${row.second}`;
    const into = merged.get(key);
    if (!into) {
      merged.set(key, { ...row, counts: [...row.counts], latency: [...row.latency] });
      continue;
    }
    row.counts.forEach((n, i) => (into.counts[i] = (into.counts[i] ?? 0) + n));
    mergeInto(into.latency, row.latency);
    if (row.remaining !== null && (into.remaining === null || row.remaining < into.remaining)) into.remaining = row.remaining;
    into.triers = Math.max(into.triers, row.triers);
  }
  return [...merged.values()];
}

/** Flushes every FLUSH_INTERVAL_MS until stopOutcomeFlusher. */
export function startOutcomeFlusher(services: () => Services): void {
  if (state.timer) return;
  const tick = () => {
    flushOutcomes(services())
      .catch((error) => log("warn", "claim outcome flush failed", { error }))
      .finally(() => {
        if (state.timer) state.timer = setTimeout(tick, FLUSH_INTERVAL_MS).unref();
      });
  };
  state.timer = setTimeout(tick, FLUSH_INTERVAL_MS).unref();
}

/** Graceful stop: no more ticks, and one last flush of what was counted. */
export async function stopOutcomeFlusher(services: Services): Promise<void> {
  if (state.timer) clearTimeout(state.timer);
  state.timer = null;
  await flushOutcomes(services).catch((error) => log("warn", "last claim outcome flush failed", { error }));
}
