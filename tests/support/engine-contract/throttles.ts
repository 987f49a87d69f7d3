// The behaviour every engine's throttles show (lib/engine/throttles/): the sliding window and the lockout.
import { describe, expect, it } from "vitest";
import type { Throttles } from "@/lib/engine/throttles/throttles";
import { uid } from "@/tests/support/fixtures";
import type { ContractTime } from "./time";

export function throttlesContract(name: string, throttles: Throttles, time: ContractTime) {
  const now = time.now();

  describe(`throttles contract: ${name}`, () => {
    it("throttles a subject in a sliding window, counting only what it allows", async () => {
      const subject = `signup:ip:${uid()}`;
      const start = Math.floor(now / 10_000) * 10_000; // the start of a fixed window
      const limit = { limit: 3, windowMs: 10_000 };
      for (let i = 0; i < 3; i++) expect(await throttles.attempt(subject, limit, start + i)).toBe(0);
      expect(await throttles.attempt(subject, limit, start + 1_000)).toBe(9_000);
      expect(await throttles.attempt(`signup:ip:${uid()}`, limit, start + 1_000)).toBe(0); // other subjects are free
      // Halfway through the next window the previous one weighs half: 3 * 0.5 = 1.5, room for one.
      expect(await throttles.attempt(subject, limit, start + 15_000)).toBe(0);
      expect(await throttles.attempt(subject, limit, start + 15_001)).toBe(4_999);
      // Two windows later the old attempts no longer count; another window size is another counter.
      expect(await throttles.attempt(subject, limit, start + 30_000)).toBe(0);
      expect(await throttles.attempt(subject, { limit: 1, windowMs: 60_000 }, start + 30_000)).toBe(0);
      expect(await throttles.attempt(subject, { limit: 1, windowMs: 60_000 }, start + 30_001)).toBeGreaterThan(0);
    });

    it("locks a subject after repeated failures, for a growing time, and a success resets the run", async () => {
      const subject = `signin:email:${uid()}@example.test`;
      const policy = { after: 3, baseMs: 60_000, maxMs: 200_000, forgetMs: 3_600_000 };
      const open = { limit: 1_000, windowMs: 60_000 };
      expect(await throttles.recordFailure(subject, policy)).toBe(0);
      expect(await throttles.recordFailure(subject, policy)).toBe(0);
      expect(await throttles.attempt(subject, open, time.now())).toBe(0);
      // The third failure locks for the base time; each further one doubles it, up to the cap.
      expect(await throttles.recordFailure(subject, policy)).toBe(60_000);
      const wait = await throttles.attempt(subject, open, time.now());
      expect(wait).toBeGreaterThan(55_000);
      expect(wait).toBeLessThanOrEqual(60_000);
      expect(await throttles.recordFailure(subject, policy)).toBe(120_000);
      expect(await throttles.recordFailure(subject, policy)).toBe(200_000);
      expect(await throttles.recordFailure(subject, policy)).toBe(200_000);
      // A success starts the count over, but the lock in force stays.
      await throttles.clearFailures(subject);
      expect(await throttles.attempt(subject, open, time.now())).toBeGreaterThan(100_000);
      const other = `signin:email:${uid()}@example.test`;
      expect(await throttles.attempt(other, open, time.now())).toBe(0);
      await throttles.recordFailure(other, policy);
      await throttles.recordFailure(other, policy);
      await throttles.clearFailures(other);
      expect(await throttles.recordFailure(other, policy)).toBe(0);
    });

    it("ends a lock when its time is up", async () => {
      const subject = `signin:email:${uid()}`;
      expect(await throttles.recordFailure(subject, { after: 1, baseMs: 50, maxMs: 50, forgetMs: 60_000 })).toBe(50);
      expect(await throttles.attempt(subject, { limit: 10, windowMs: 60_000 }, time.now())).toBeGreaterThan(0);
      await time.pass(120);
      expect(await throttles.attempt(subject, { limit: 10, windowMs: 60_000 }, time.now())).toBe(0);
    });
  });
}
