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

export type ClaimDecision =
  | { kind: "WON"; remaining: number }
  | { kind: "MISSING" } // the engine holds no keys for this promotion: rebuild from PostgreSQL
  | { kind: "NOT_FOUND" } // known but not published
  | { kind: "ALREADY_CLAIMED" }
  | { kind: "NOT_STARTED"; startsAt: number }
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

export type EngineName = "redis" | "redis-cluster" | "upstash" | "memory";

export interface StockEngine {
  readonly name: EngineName;
  /**
   * Rate limits, window, pause, one-per-user and stock, decided in one atomic step. Every limit
   * counts the attempt when none is exceeded; RATE_LIMITED changes nothing.
   */
  claim(promotionId: string, userId: string, nowMs: number, limits?: readonly RateLimit[]): Promise<ClaimDecision>;
  /** Compensation: undoes a WON whose durable write failed. No-op if the user is not a winner. */
  release(promotionId: string, userId: string): Promise<void>;
  /** The database already held this winner: keep them, give back the stock the script took. */
  refund(promotionId: string): Promise<void>;
  /** The database says the stock is gone: forget this user's win and show the promotion sold out. */
  settleSoldOut(promotionId: string, userId: string): Promise<void>;
  snapshot(promotionId: string): Promise<StockSnapshot | null>;
  /** The user ids the engine counts as winners (for reconciliation), or null when not loaded. */
  winners(promotionId: string): Promise<string[] | null>;
  /** Replaces everything the engine holds for a promotion, atomically for readers. */
  load(promotionId: string, snapshot: StockSnapshot, winners: readonly string[]): Promise<void>;
  drop(promotionId: string): Promise<void>;
  /**
   * One attempt against a sliding-window limit of `limit` per `windowMs` for `key`.
   * Returns 0 when allowed (and counted), else roughly how many ms until it would be allowed.
   */
  hit(key: string, limit: number, windowMs: number, nowMs: number): Promise<number>;
  /** A short exclusive lock for rebuilding one promotion; returns a release function or null. */
  tryLock(promotionId: string, ttlMs: number): Promise<(() => Promise<void>) | null>;
  ping(): Promise<boolean>;
  close(): Promise<void>;
}
