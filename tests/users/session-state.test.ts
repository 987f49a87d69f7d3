// Revocable sessions, the checking part alone: an in-memory engine, a fake database and a fake
// clock, so the cache windows are exact and nothing sleeps.
import { describe, expect, it } from "vitest";
import { createMemoryEngine } from "@/lib/engine/memory";
import type { SessionState, SessionStateStore } from "@/lib/engine/session-states/store";
import { DomainError } from "@/lib/errors/domain-error";
import { createSessionChecks, MAX_CACHE_MS } from "@/lib/sessions/checks";
import type { SessionUser } from "@/lib/sessions/cookie";

const user = (over: Partial<SessionUser> = {}): SessionUser => ({
  id: "u1",
  role: "ADMIN",
  email: null,
  sessionVersion: 0,
  ...over,
});
const state = (over: Partial<SessionState> = {}): SessionState => ({
  revision: 0,
  version: 0,
  role: "ADMIN",
  disabled: false,
  ...over,
});

/** A fake users table and the loads it served. */
function fakeDb(rows: Record<string, SessionState>) {
  const loads: string[][] = [];
  return {
    rows,
    loads,
    load: async (ids: readonly string[]) => {
      loads.push([...ids]);
      return new Map(ids.filter((id) => rows[id]).map((id) => [id, { ...rows[id] }]));
    },
  };
}

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return "OK";
  } catch (error) {
    return error instanceof DomainError ? error.code : String(error);
  }
}

describe("session checks", () => {
  it("honours a token of the current version, with the account's current role", async () => {
    const db = fakeDb({ u1: state({ role: "USER" }) });
    const checks = createSessionChecks({ states: () => createMemoryEngine().sessionStates, load: db.load, cacheMs: 1_000 });
    expect(await checks.current(user())).toMatchObject({ id: "u1", role: "USER" });
    expect(await codeOf(checks.current(user({ id: "gone" })))).toBe("UNAUTHENTICATED");
  });

  it("refuses a revoked version (401) and a disabled account (403 ACCOUNT_DISABLED)", async () => {
    const db = fakeDb({ u1: state({ version: 2 }), u2: state({ disabled: true }) });
    const checks = createSessionChecks({ states: () => createMemoryEngine().sessionStates, load: db.load, cacheMs: 0 });
    expect(await codeOf(checks.current(user({ sessionVersion: 1 })))).toBe("UNAUTHENTICATED");
    expect(await codeOf(checks.current(user({ sessionVersion: 2 })))).toBe("OK");
    expect(await codeOf(checks.current(user({ id: "u2" })))).toBe("ACCOUNT_DISABLED");
  });

  it("a change made on one instance reaches another when its cache window ends, not before", async () => {
    let t = 1_000_000;
    const engine = createMemoryEngine();
    const db = fakeDb({ u1: state() });
    const a = createSessionChecks({ states: () => engine.sessionStates, load: db.load, cacheMs: 5_000, now: () => t });
    const b = createSessionChecks({ states: () => engine.sessionStates, load: db.load, cacheMs: 5_000, now: () => t });
    expect(await b.current(user())).toMatchObject({ role: "ADMIN" });
    // Instance a demotes the admin and signs them out everywhere.
    db.rows.u1 = state({ revision: 1, version: 1, role: "USER" });
    await a.store("u1", db.rows.u1);
    expect(await codeOf(a.current(user()))).toBe("UNAUTHENTICATED"); // at once where it happened
    t += 4_999;
    expect(await codeOf(b.current(user()))).toBe("OK"); // b still trusts what it read
    t += 1;
    expect(await codeOf(b.current(user()))).toBe("UNAUTHENTICATED");
    expect(await b.current(user({ sessionVersion: 1 }))).toMatchObject({ role: "USER" });
  });

  it("with the default bound, a change is in force on every instance within 30 s", async () => {
    let t = 5_000_000;
    const engine = createMemoryEngine();
    const db = fakeDb({ u1: state() });
    const other = createSessionChecks({ states: () => engine.sessionStates, load: db.load, cacheMs: 30_000, now: () => t });
    expect(MAX_CACHE_MS).toBe(30_000);
    // A longer setting is cut to the bound.
    expect(createSessionChecks({ states: () => engine.sessionStates, load: db.load, cacheMs: 120_000 }).cacheMs).toBe(
      MAX_CACHE_MS,
    );
    expect(await codeOf(other.current(user()))).toBe("OK");
    await engine.sessionStates.put("u1", state({ revision: 1, disabled: true }), 60_000);
    t += 29_999;
    expect(await codeOf(other.current(user()))).toBe("OK");
    t += 1;
    expect(await codeOf(other.current(user()))).toBe("ACCOUNT_DISABLED");
  });

  it("rebuilds a missing engine copy from the database, in one query for the misses of a moment", async () => {
    const engine = createMemoryEngine();
    const rows = Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`u${i}`, state({ revision: 3, role: "USER" })]));
    const db = fakeDb(rows);
    const checks = createSessionChecks({ states: () => engine.sessionStates, load: db.load, cacheMs: 0 });
    const answers = await Promise.all(Object.keys(rows).map((id) => checks.current(user({ id }))));
    expect(answers.every((a) => a.role === "USER")).toBe(true);
    expect(db.loads).toHaveLength(1);
    expect(db.loads[0]).toHaveLength(50);
    expect(await engine.sessionStates.get("u7")).toEqual(state({ revision: 3, role: "USER" }));
    // From now on the engine answers: no more database reads.
    await Promise.all(Object.keys(rows).map((id) => checks.current(user({ id }))));
    expect(db.loads).toHaveLength(1);
  });

  it("asks the database when the engine is down, and PostgreSQL itself when asked for a fresh answer", async () => {
    const engine = createMemoryEngine();
    const broken: SessionStateStore = {
      ...engine.sessionStates,
      get: () => Promise.reject(new Error("Connection is closed.")),
    };
    const db = fakeDb({ u1: state({ role: "USER" }) });
    const checks = createSessionChecks({ states: () => broken, load: db.load, cacheMs: 10_000 });
    expect(await checks.current(user())).toMatchObject({ role: "USER" });
    expect(db.loads).toHaveLength(1);

    const healthy = createSessionChecks({ states: () => engine.sessionStates, load: db.load, cacheMs: 10_000 });
    await engine.sessionStates.put("u1", state({ role: "ADMIN" }), 60_000); // a stale copy
    db.rows.u1 = state({ revision: 1, role: "USER" });
    expect(await healthy.current(user(), { fresh: true })).toMatchObject({ role: "USER" });
    expect(await engine.sessionStates.get("u1")).toEqual(state({ revision: 1, role: "USER" }));
  });
});
