// The behaviour every engine's session-state store shows (lib/engine/session-states/).
import { describe, expect, it } from "vitest";
import type { SessionStateStore } from "@/lib/engine/session-states/store";
import { uid } from "@/tests/support/fixtures";
import type { ContractTime } from "./time";

export function sessionStatesContract(name: string, states: SessionStateStore, time: ContractTime) {
  describe(`session states contract: ${name}`, () => {
    it("keeps an account's session state, never replaced by an older revision", async () => {
      const user = `user-${uid()}`;
      expect(await states.get(user)).toBeNull();
      const first = { revision: 1, version: 0, role: "ADMIN" as const, disabled: false };
      await states.put(user, first, 60_000);
      expect(await states.get(user)).toEqual(first);
      const later = { revision: 3, version: 1, role: "USER" as const, disabled: true };
      await states.put(user, later, 60_000);
      expect(await states.get(user)).toEqual(later);
      // A copy read from the database before the change (a slower request) does not undo it,
      // nor does a copy of the same revision with other values.
      await states.put(user, first, 60_000);
      await states.put(user, { ...later, disabled: false }, 60_000);
      expect(await states.get(user)).toEqual(later);
      // Other accounts are apart.
      expect(await states.get(`user-${uid()}`)).toBeNull();
    });

    it("forgets a session state after its time to live, and renews it on a put of the same revision", async () => {
      const user = `user-${uid()}`;
      const state = { revision: 2, version: 5, role: "USER" as const, disabled: false };
      await states.put(user, state, 300);
      await time.pass(100);
      await states.put(user, state, 1_500);
      // Past the first time to live, within the renewed one.
      await time.pass(400);
      expect(await states.get(user)).toEqual(state);
      await time.pass(1_300);
      expect(await states.get(user)).toBeNull();
      // Once gone, any revision is stored again (the engine is rebuilt from PostgreSQL).
      await states.put(user, { ...state, revision: 0 }, 60_000);
      expect(await states.get(user)).toEqual({ ...state, revision: 0 });
    });
  });
}
