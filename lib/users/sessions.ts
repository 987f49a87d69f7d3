import "server-only";
import { getDb, type Db } from "@/lib/db";
import { getEngine } from "@/lib/engine";
import type { SessionState } from "@/lib/engine/session-states/store";
import { env } from "@/lib/env";
import { createSessionChecks, newStateCache, type SessionChecks, type StateCache, type StateLoader } from "./session-state";

/** The session-relevant columns of a User row. */
export interface AccountRow {
  role: "USER" | "ADMIN";
  disabled: boolean;
  sessionVersion: number;
  accessRevision: number;
}

export const ACCOUNT_COLUMNS = { id: true, role: true, disabled: true, sessionVersion: true, accessRevision: true } as const;

export const stateOfRow = (row: AccountRow): SessionState => ({
  revision: row.accessRevision,
  version: row.sessionVersion,
  role: row.role,
  disabled: row.disabled,
});

export function loadStates(db: Db): StateLoader {
  return async (userIds) => {
    const rows = await db.user.findMany({ where: { id: { in: [...userIds] } }, select: ACCOUNT_COLUMNS });
    return new Map(rows.map((row) => [row.id, stateOfRow(row)]));
  };
}

// The production server's bundle (fast lane) and Next's route handlers each hold their own copy
// of lib/. The cache is shared on globalThis, so a change made through one reaches the other's
// answers at once; the checks are not, so each copy throws its own DomainError class (the error
// mapping recognises only its own: a foreign one would answer 500).
const shared = globalThis as unknown as { couponSessionStateCache?: StateCache };
let checks: SessionChecks | undefined;

/** This process's session checks (lib/users/session-state.ts). */
export function sessionChecks(): SessionChecks {
  checks ??= createSessionChecks({
    states: () => getEngine().sessionStates,
    load: loadStates(getDb()),
    cacheMs: env.SESSION_STATE_CACHE_MS,
    cache: (shared.couponSessionStateCache ??= newStateCache()),
  });
  return checks;
}
