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

/** The engine's copies of accounts' session states (lib/sessions/checks.ts reads them). */
export interface SessionStateStore {
  /** The account's session state, or null when the engine holds none (then PostgreSQL decides). */
  get(userId: string): Promise<SessionState | null>;
  /**
   * Stores the account's session state for `ttlMs`, unless the engine holds one of a later
   * revision (a copy of the same revision only has its time to live renewed).
   */
  put(userId: string, state: SessionState, ttlMs: number): Promise<void>;
}
