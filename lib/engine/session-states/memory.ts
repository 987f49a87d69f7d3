import { boundedCache, type Clock } from "@/lib/cache/lru";
import type { SessionState, SessionStateStore } from "./store";

// Accounts held at most (each also forgotten after its time to live, like its Redis key).
const ACCOUNTS = 100_000;

/** Session states in this process, mirroring ./scripts.ts. */
export function memorySessionStates(clock: Clock): SessionStateStore {
  const states = boundedCache<string, SessionState>({ max: ACCOUNTS, now: clock });
  return {
    async get(userId) {
      const held = states.get(userId);
      return held ? { ...held } : null;
    },
    async put(userId, state, ttlMs) {
      const held = states.get(userId);
      const ttl = Math.max(1, Math.round(ttlMs));
      if (held && held.revision > state.revision) return;
      states.set(userId, held && held.revision === state.revision ? held : { ...state }, { ttl });
    },
  };
}
