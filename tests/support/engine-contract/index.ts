// The behaviour every engine must show: one contract suite per facet, run by each engine's
// test file (tests/stock/*.test.ts). The change feed has its own (tests/support/change-feed-contract.ts).
import { describe, expect, it } from "vitest";
import type { Engine } from "@/lib/engine/engine";
import { oneTimeTokensContract } from "./one-time-tokens";
import { outcomeCountersContract } from "./outcomes";
import { sessionStatesContract } from "./session-states";
import { stockStoreContract } from "./stock";
import { throttlesContract } from "./throttles";
import type { ContractTime } from "./time";

export { manualClock, realTime } from "./time";

export function engineContract(engine: Engine, time: ContractTime) {
  stockStoreContract(engine.name, engine.stock, time);
  throttlesContract(engine.name, engine.throttles, time);
  sessionStatesContract(engine.name, engine.sessionStates, time);
  outcomeCountersContract(engine.name, engine.outcomes);
  oneTimeTokensContract(engine.name, engine.tokens, time);
  describe(`engine: ${engine.name}`, () => {
    it("answers ping", async () => {
      expect(await engine.ping()).toBe(true);
    });
  });
}
