// Throttles outside any promotion (sign-up, sign-in), keyed by a subject such as
// "signup:ip:<address>": a sliding window of attempts, and a lock after repeated failures.

/** A sliding-window limit: at most `limit` attempts in `windowMs`. */
export interface ThrottleLimit {
  limit: number;
  windowMs: number;
}

/** How repeated failures lock a subject: from the `after`-th failure on, `baseMs` doubling to `maxMs`. */
export interface LockoutPolicy {
  after: number;
  baseMs: number;
  maxMs: number;
  /** A run of failures is forgotten this long after its last one. */
  forgetMs: number;
}

export interface Throttles {
  /**
   * Checks the subject's lock (see recordFailure) and its sliding window, and counts the attempt
   * when neither refuses. Returns 0 when allowed, else the ms to wait. `nowMs` names the window.
   */
  attempt(subject: string, limit: ThrottleLimit, nowMs: number): Promise<number>;
  /** One more failure of `subject` (a wrong password): returns the ms it is now locked for, or 0. */
  recordFailure(subject: string, policy: LockoutPolicy): Promise<number>;
  /** A success: the run of failures of `subject` starts over. A lock in force stays. */
  clearFailures(subject: string): Promise<void>;
}
