import { sessionStateKey } from "../keys";
import { decodeSessionState, encodeSessionState, GET_SESSION_STATE, PUT_SESSION_STATE } from "./scripts";
import type { SessionStateStore } from "./store";
import type { RunScript } from "../transport/script";

/** Session states on Redis: one key per account under its own hash tag. */
export function redisSessionStates(run: RunScript, keyPrefix = ""): SessionStateStore {
  return {
    async get(userId) {
      return decodeSessionState((await run(GET_SESSION_STATE, { state: sessionStateKey(userId, keyPrefix) })) as string | null);
    },
    async put(userId, s, ttlMs) {
      const state = sessionStateKey(userId, keyPrefix);
      await run(PUT_SESSION_STATE, {
        state,
        revision: s.revision,
        encoded: encodeSessionState(s),
        ttlMs: Math.max(1, Math.round(ttlMs)),
      });
    },
  };
}
