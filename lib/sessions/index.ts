import "server-only";
import { getDb, type Db } from "@/lib/db";
import { getEngine } from "@/lib/engine";
import type { SessionState } from "@/lib/engine/session-states/store";
import { env } from "@/lib/env";
import { processState } from "@/lib/process-state";
import { createSessionChecks, type SessionChecks, type StateLoader } from "./checks";

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

/** This process's session checks (lib/sessions/checks.ts), one per process (lib/process-state.ts). */
export function sessionChecks(): SessionChecks {
  return processState("users/sessions", () =>
    createSessionChecks({
      states: () => getEngine().sessionStates,
      load: loadStates(getDb()),
      cacheMs: env.SESSION_STATE_CACHE_MS,
    }),
  );
}
