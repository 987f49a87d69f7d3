// The behaviour every engine's outcome counters show (lib/engine/outcomes/).
import { describe, expect, it } from "vitest";
import type { OutcomeCounters, OutcomeSecond } from "@/lib/engine/outcomes/counters";
import { uid } from "@/tests/support/fixtures";

export function outcomeCountersContract(name: string, outcomes: OutcomeCounters) {
  describe(`outcome counters contract: ${name}`, () => {
    it("adds the outcome figures of every flush, keeps the lowest remaining and counts unique triers", async () => {
      const id = uid();
      const ttl = { secondsTtlMs: 60_000, triersTtlMs: 60_000 };
      expect(await outcomes.read(id, [100, 101])).toEqual({ seconds: [], triers: 0 });
      // Two instances flush the same seconds: their counts add up.
      const first: OutcomeSecond[] = [
        { second: 100, counts: { won: 2, soldOut: 0, l3: 2 }, remaining: 8 },
        { second: 101, counts: { won: 1 }, remaining: null },
      ];
      expect(await outcomes.record(id, first, ["a", "b", "c"], ttl)).toBe(3);
      const second = [{ second: 100, counts: { won: 1, soldOut: 5, l3: 1, l7: 5 }, remaining: 5 }];
      expect(await outcomes.record(id, second, ["c", "d"], ttl)).toBe(4);
      expect(await outcomes.record(id, [{ second: 100, counts: {}, remaining: 9 }], [], ttl)).toBe(4);
      const read = await outcomes.read(id, [99, 100, 101]);
      expect(read.triers).toBe(4);
      expect(read.seconds).toEqual([
        { second: 100, counts: { won: 3, soldOut: 5, l3: 3, l7: 5 }, remaining: 5 },
        { second: 101, counts: { won: 1 }, remaining: null },
      ]);
      // Another promotion's figures are its own.
      expect(await outcomes.read(uid(), [100])).toEqual({ seconds: [], triers: 0 });
    });

    it("counts thousands of triers in one call", async () => {
      const id = uid();
      const triers = Array.from({ length: 5_000 }, (_, i) => `tr-${i}`);
      const count = await outcomes.record(id, [], triers, { secondsTtlMs: 60_000, triersTtlMs: 60_000 });
      // Redis estimates (HyperLogLog, about 0.8% standard error); memory counts exactly.
      expect(Math.abs(count - 5_000)).toBeLessThanOrEqual(5_000 * 0.03);
    });
  });
}
