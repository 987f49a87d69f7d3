// Stock and claims: the facet of the engine that decides who wins. Each call is atomic on its
// own: the engine, not the caller, decides who wins.

/** What the engine knows of a promotion: enough to decide a claim and to show live stock. */
export interface StockSnapshot {
  startsAt: number; // epoch ms
  endsAt: number; // epoch ms
  paused: boolean;
  published: boolean;
  totalStock: number;
  remaining: number;
}

/** A snapshot as read back, with the engine's clock at that moment (the one clock of the window). */
export interface LiveSnapshot extends StockSnapshot {
  engineNowMs: number;
}

export type ClaimDecision =
  | { kind: "WON"; remaining: number; loadId: string } // loadId: the load this win was decided in
  | { kind: "MISSING" } // the engine holds no keys for this promotion: rebuild from PostgreSQL
  | { kind: "NOT_FOUND" } // known but not published
  | { kind: "ALREADY_CLAIMED" }
  | { kind: "NOT_STARTED"; startsAt: number; engineNowMs: number }
  | { kind: "ENDED" }
  | { kind: "PAUSED" }
  | { kind: "SOLD_OUT" }
  | { kind: "RATE_LIMITED"; retryAfterMs: number };

/** A sliding-window limit the claim checks and counts in its own atomic step. */
export interface RateLimit {
  /** Who is limited, e.g. "user:<id>" or "ip:<address>". */
  subject: string;
  limit: number;
  windowMs: number;
}

export interface StockStore {
  /**
   * Rate limits, window, pause, one-per-user and stock, decided in one atomic step. The window is
   * judged on the engine's own clock; `nowMs` (the caller's clock) only names the rate-limit
   * windows. Every limit counts the attempt when none is exceeded; RATE_LIMITED changes nothing.
   */
  claim(promotionId: string, userId: string, nowMs: number, limits?: readonly RateLimit[]): Promise<ClaimDecision>;
  /**
   * Compensation: undoes a WON whose durable write failed, only while load `loadId` is current
   * (omitted: whatever load is current). No-op if the user is not a winner.
   */
  release(promotionId: string, userId: string, loadId?: string): Promise<void>;
  /** The database already held this winner: keep them, give back the stock taken in load `loadId`. */
  refund(promotionId: string, userId: string, loadId: string): Promise<void>;
  /** The database says the stock is gone: forget this win and show sold out, only in load `loadId`. */
  settleSoldOut(promotionId: string, userId: string, loadId: string): Promise<void>;
  /** Wins reserved more than `olderThanMs` ago (engine clock) and not yet confirmed, with the current load. */
  reservedBefore(promotionId: string, olderThanMs: number): Promise<{ loadId: string; userIds: string[] } | null>;
  /** These winners' claim rows are committed: their reservations are settled. */
  confirm(promotionId: string, userIds: readonly string[]): Promise<void>;
  snapshot(promotionId: string): Promise<LiveSnapshot | null>;
  /** The user ids the engine counts as winners (for reconciliation), or null when not loaded. */
  winners(promotionId: string): Promise<string[] | null>;
  /** Replaces everything the engine holds for a promotion, atomically for readers. */
  load(promotionId: string, snapshot: StockSnapshot, winners: readonly string[]): Promise<void>;
  drop(promotionId: string): Promise<void>;
  /** A short exclusive lock for rebuilding one promotion; returns a release function or null. */
  tryLock(promotionId: string, ttlMs: number): Promise<(() => Promise<void>) | null>;
}
