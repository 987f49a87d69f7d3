// The contract every stock engine (Redis over TCP, Upstash over REST, in-process memory)
// fulfils. Each call is atomic on its own: the engine, not the caller, decides who wins.

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

/**
 * An account's session state (revocable sessions), a copy of its User row in PostgreSQL: a
 * session token is valid while it carries `version` and the account is not disabled; `role`
 * is the account's current role. `revision` orders copies: a later one is never replaced by an
 * earlier one.
 */
export interface SessionState {
  revision: number;
  version: number;
  role: "USER" | "ADMIN";
  disabled: boolean;
}

/** How repeated failures lock a subject: from the `after`-th failure on, `baseMs` doubling to `maxMs`. */
export interface LockoutPolicy {
  after: number;
  baseMs: number;
  maxMs: number;
  /** A run of failures is forgotten this long after its last one. */
  forgetMs: number;
}

export type EngineName = "redis" | "redis-cluster" | "upstash" | "memory";

/**
 * Change notices between processes, for the live admin screens: the ids of promotions that
 * changed. Redis pub/sub on the TCP engines (one subscriber connection per process, opened on
 * first use), an in-process emitter on the memory engine. Notices are hints, never data: a
 * subscriber reads the figures itself, so a lost notice costs freshness, not correctness.
 */
export interface ChangeFeed {
  publish(promotionIds: readonly string[]): Promise<void>;
  /** Resolves once listening (notices published after that reach `listener`); returns an unsubscribe. */
  subscribe(listener: (promotionIds: string[]) => void): Promise<() => void>;
}

export interface StockEngine {
  readonly name: EngineName;
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
  /**
   * Adds one flush of a promotion's per-second outcome counts to the live figures every instance
   * adds to (each second kept `secondsTtlMs`), and its triers to the promotion's set of unique
   * triers (an estimate on Redis: HyperLogLog; kept `triersTtlMs`). One atomic call per promotion.
   * Returns the unique triers counted so far.
   */
  recordOutcomes(
    promotionId: string,
    seconds: readonly OutcomeSecond[],
    triers: readonly string[],
    ttl: { secondsTtlMs: number; triersTtlMs: number },
  ): Promise<number>;
  /** The live figures of these seconds (those with none are left out) and the unique triers so far. */
  outcomes(promotionId: string, seconds: readonly number[]): Promise<{ seconds: OutcomeSecond[]; triers: number }>;
  /** The account's session state, or null when the engine holds none (then PostgreSQL decides). */
  sessionState(userId: string): Promise<SessionState | null>;
  /**
   * Stores the account's session state for `ttlMs`, unless the engine holds one of a later
   * revision (a copy of the same revision only has its time to live renewed).
   */
  putSessionState(userId: string, state: SessionState, ttlMs: number): Promise<void>;
  /**
   * Throttles outside any promotion (sign-up, sign-in), keyed by a subject such as
   * "signup:ip:<address>". Checks the subject's lock (see recordFailure) and its sliding window,
   * and counts the attempt when neither refuses. Returns 0 when allowed, else the ms to wait.
   */
  throttle(subject: string, limit: Omit<RateLimit, "subject">, nowMs: number): Promise<number>;
  /** One more failure of `subject` (a wrong password): returns the ms it is now locked for, or 0. */
  recordFailure(subject: string, policy: LockoutPolicy): Promise<number>;
  /** A success: the run of failures of `subject` starts over. A lock in force stays. */
  clearFailures(subject: string): Promise<void>;
  /** True the first time `token` is seen within `ttlMs` (SET NX PX): a proof of work spends once. */
  firstUse(token: string, ttlMs: number): Promise<boolean>;
  ping(): Promise<boolean>;
  /** Closes the connections, the change feed's subscriber included. */
  close(): Promise<void>;
  /** null where long-lived connections are not available (Upstash over REST): the admin screens poll. */
  readonly changes: ChangeFeed | null;
}
