import type { SessionState } from "./store";
import { defineScript } from "../transport/script";

// A session state is stored as one string, "revision:version:role:disabled".

/** The stored state, or nil. */
export const GET_SESSION_STATE = defineScript({
  name: "getSessionState",
  keys: ["state"],
  lua: `
return redis.call('GET', state)
`,
});

/** Stores the state unless the key holds a later revision; the same revision only renews its time to live. 1 when stored. */
export const PUT_SESSION_STATE = defineScript({
  name: "putSessionState",
  keys: ["state"],
  args: ["revision", "encoded", "ttlMs"],
  lua: `
local held = redis.call('GET', state)
if held then
  local heldRevision = tonumber(string.match(held, '^(%d+):'))
  local incoming = tonumber(revision)
  if heldRevision and heldRevision > incoming then return 0 end
  if heldRevision and heldRevision == incoming then
    redis.call('PEXPIRE', state, ttlMs)
    return 0
  end
end
redis.call('SET', state, encoded, 'PX', ttlMs)
return 1
`,
});

export const encodeSessionState = (s: SessionState) =>
  `${s.revision}:${s.version}:${s.role === "ADMIN" ? "A" : "U"}:${s.disabled ? 1 : 0}`;

export function decodeSessionState(value: string | null): SessionState | null {
  const m = value ? /^(\d+):(\d+):([AU]):([01])$/.exec(value) : null;
  if (!m) return null;
  return { revision: Number(m[1]), version: Number(m[2]), role: m[3] === "A" ? "ADMIN" : "USER", disabled: m[4] === "1" };
}
