import "server-only";
import DataLoader from "dataloader";
import { boundedCache } from "@/lib/cache/lru";
import { singleFlight } from "@/lib/cache/single-flight";
import type { SessionState, SessionStateStore } from "@/lib/engine/session-states/store";
import { DomainError } from "@/lib/errors/domain-error";
import { log } from "@/lib/log";
import type { SessionUser } from "@/lib/sessions/cookie";

// Revocable sessions. A session JWT carries the account's sessionVersion at sign-in; it is a
// session only while the account's current state (PostgreSQL's User row, copied into the
// engine) has that version and is not disabled, and its role is the account's current role.
//
// Where the state is read, cheapest first:
// 1. this process's cache, for at most SESSION_STATE_CACHE_MS (30 s max), so a change reaches every
//    instance within 30 s: the decoded-token cache (lib/auth/session.ts) only remembers what a
//    token says, the check below runs on every request, cached decode or not;
// 2. the stock engine (one GET, issued next to the claim script: see lib/claims/claim.ts);
// 3. PostgreSQL, the truth, when the engine holds nothing (flushed, evicted, never signed in
//    through this version): one batched query for all misses of the same moment, which also
//    puts the state back into the engine.

/** The engine keeps a state as long as a session lasts (next-auth maxAge, 30 days), and a day. */
export const ENGINE_STATE_TTL_MS = 31 * 24 * 60 * 60 * 1000;
/** The upper bound of the process cache (lib/env.ts enforces it for SESSION_STATE_CACHE_MS). */
export const MAX_CACHE_MS = 30_000;

/** Reads the states of these accounts from PostgreSQL (absent ids: no such account). */
export type StateLoader = (userIds: readonly string[]) => Promise<Map<string, SessionState>>;

export interface SessionChecks {
  /**
   * The session as it stands now: the token's user with the account's current role. Throws
   * UNAUTHENTICATED for a revoked session (or a deleted account) and ACCOUNT_DISABLED.
   * `fresh` reads PostgreSQL itself (the admin API: low volume, exact at once).
   */
  current(user: SessionUser, options?: { fresh?: boolean }): Promise<SessionUser>;
  /** After sign-in or an admin change on this instance: engine and cache hold this state now. */
  store(userId: string, state: SessionState): Promise<void>;
  /** The cache bound in use (tests). */
  readonly cacheMs: number;
}

/** 50,000 accounts of a crowd in a few MB. */
const CACHED_ACCOUNTS = 50_000;

export function createSessionChecks(deps: {
  states: () => SessionStateStore;
  load: StateLoader;
  cacheMs: number;
  now?: () => number;
}): SessionChecks {
  const cacheMs = Math.min(Math.max(0, deps.cacheMs), MAX_CACHE_MS);
  // lru-cache keeps an entry while its age is at most its ttl: one ms less keeps "at most cacheMs".
  const ttl = Math.max(1, cacheMs - 1);
  // What this process remembers of each account; `state: null` is "no such account" (deleted).
  const cache = boundedCache<string, { state: SessionState | null }>({ max: CACHED_ACCOUNTS, now: deps.now });
  const inFlight = singleFlight<string, SessionState | null>();
  const fromDb = batched(deps.load);

  async function fromDbIntoEngine(userId: string): Promise<SessionState | null> {
    const state = (await fromDb(userId)) ?? null;
    if (state) {
      await deps
        .states()
        .put(userId, state, ENGINE_STATE_TTL_MS)
        .catch((error: unknown) => log("warn", "session state not stored in the engine", { userId, error }));
    }
    return state;
  }

  async function read(userId: string): Promise<SessionState | null> {
    let state: SessionState | null;
    try {
      state = await deps.states().get(userId);
    } catch (error) {
      // The engine is down: PostgreSQL still answers who may do what (a claim fails anyway).
      log("warn", "session state: engine unreachable, asking the database", { userId, error });
      return (await fromDb(userId)) ?? null;
    }
    return state ?? fromDbIntoEngine(userId);
  }

  async function stateOf(userId: string, fresh: boolean): Promise<SessionState | null> {
    if (!fresh && cacheMs > 0) {
      const known = cache.get(userId);
      if (known) return known.state;
    }
    // Timed from the question, not the answer: the cached state is never older than cacheMs.
    const start = cache.perf.now();
    const state = await (fresh
      ? inFlight(`fresh:${userId}`, () => fromDbIntoEngine(userId))
      : inFlight(userId, () => read(userId)));
    if (cacheMs > 0) cache.set(userId, { state }, { ttl, start });
    return state;
  }

  return {
    cacheMs,
    async current(user, options = {}) {
      const state = await stateOf(user.id, options.fresh ?? false);
      if (!state || state.version !== user.sessionVersion) throw revoked();
      if (state.disabled) throw disabled();
      return state.role === user.role ? user : { ...user, role: state.role };
    },
    async store(userId, state) {
      await deps.states().put(userId, state, ENGINE_STATE_TTL_MS);
      if (cacheMs > 0) cache.set(userId, { state }, { ttl });
    },
  };
}

export const revoked = () => new DomainError("UNAUTHENTICATED", "Your session has ended. Please sign in again.");
export const disabled = () => new DomainError("ACCOUNT_DISABLED", "This account is disabled.");

/**
 * One query for every id asked in the same turn of the event loop (DataLoader): after a Redis
 * flush during a drop, thousands of sessions miss at once, and PostgreSQL should see a few
 * queries, not thousands. Nothing is memoized here: the process cache above decides freshness.
 */
function batched(load: StateLoader): (userId: string) => Promise<SessionState | undefined> {
  const loader = new DataLoader<string, SessionState | undefined>(
    async (userIds) => {
      const states = await load(userIds);
      return userIds.map((id) => states.get(id));
    },
    { cache: false, batchScheduleFn: (run) => setImmediate(run) },
  );
  return (userId) => loader.load(userId);
}
