// The behaviour every engine's one-time tokens show (lib/engine/tokens/).
import { describe, expect, it } from "vitest";
import type { OneTimeTokens } from "@/lib/engine/tokens/one-time-tokens";
import { uid } from "@/tests/support/fixtures";
import type { ContractTime } from "./time";

export function oneTimeTokensContract(name: string, tokens: OneTimeTokens, time: ContractTime) {
  describe(`one-time tokens contract: ${name}`, () => {
    it("lets a one-time token through once until it expires", async () => {
      const token = `challenge-${uid()}`;
      expect(await tokens.firstUse(token, 60_000)).toBe(true);
      expect(await tokens.firstUse(token, 60_000)).toBe(false);
      expect(await tokens.firstUse(`${token}-other`, 60_000)).toBe(true);
      // Many at once: exactly one wins.
      const racing = `race-${uid()}`;
      const answers = await Promise.all(Array.from({ length: 20 }, () => tokens.firstUse(racing, 60_000)));
      expect(answers.filter(Boolean)).toHaveLength(1);
      const short = `short-${uid()}`;
      expect(await tokens.firstUse(short, 50)).toBe(true);
      await time.pass(120);
      expect(await tokens.firstUse(short, 50)).toBe(true);
    });
  });
}
