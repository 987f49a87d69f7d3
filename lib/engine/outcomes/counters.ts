/**
 * One second of claim outcomes of one promotion, as a flush adds it to the engine's live figures:
 * integer fields added to what other instances sent (e.g. {won: 3, soldOut: 40, l4: 2}), and the
 * lowest remaining stock seen in that second (null: none seen).
 */
export interface OutcomeSecond {
  second: number; // epoch seconds
  counts: Record<string, number>;
  remaining: number | null;
}

/** How long the live figures are kept: each second, and the set of unique triers. */
export interface OutcomeLifetimes {
  secondsTtlMs: number;
  triersTtlMs: number;
}

/** The live claim figures every instance adds to (lib/metrics/flusher.ts writes, the dashboards read). */
export interface OutcomeCounters {
  /**
   * Adds one flush of a promotion's per-second outcome counts to the live figures (each second
   * kept `secondsTtlMs`), and its triers to the promotion's set of unique triers (an estimate on
   * Redis: HyperLogLog; kept `triersTtlMs`). One atomic call per promotion. Returns the unique
   * triers counted so far.
   */
  record(
    promotionId: string,
    seconds: readonly OutcomeSecond[],
    triers: readonly string[],
    ttl: OutcomeLifetimes,
  ): Promise<number>;
  /** The live figures of these seconds (those with none are left out) and the unique triers so far. */
  read(promotionId: string, seconds: readonly number[]): Promise<{ seconds: OutcomeSecond[]; triers: number }>;
}
