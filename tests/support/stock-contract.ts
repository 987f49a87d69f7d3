// The behaviour every stock engine must show. Each engine's test file runs this suite.
import { describe, expect, it } from "vitest";
import type { OutcomeSecond, StockEngine, StockSnapshot } from "@/lib/stock/engine";
import { uid } from "@/tests/support/fixtures";

export function stockEngineContract(makeEngine: () => StockEngine) {
  const engine = makeEngine();
  const now = Date.now();
  const live = (over: Partial<StockSnapshot> = {}): StockSnapshot => ({
    startsAt: now - 1_000,
    endsAt: now + 60_000,
    paused: false,
    published: true,
    totalStock: 3,
    remaining: 3,
    ...over,
  });

  describe(`stock engine contract: ${engine.name}`, () => {
    it("answers MISSING for a promotion it holds nothing about", async () => {
      const id = uid();
      expect(await engine.claim(id, "u1", now)).toEqual({ kind: "MISSING" });
      expect(await engine.snapshot(id)).toBeNull();
    });

    it("hands out exactly the stock, once per user, and counts down", async () => {
      const id = uid();
      await engine.load(id, live(), []);
      expect(await engine.claim(id, "a", now)).toEqual({ kind: "WON", remaining: 2, loadId: expect.any(String) });
      expect(await engine.claim(id, "a", now)).toEqual({ kind: "ALREADY_CLAIMED" });
      expect(await engine.claim(id, "b", now)).toEqual({ kind: "WON", remaining: 1, loadId: expect.any(String) });
      expect(await engine.claim(id, "c", now)).toEqual({ kind: "WON", remaining: 0, loadId: expect.any(String) });
      expect(await engine.claim(id, "d", now)).toEqual({ kind: "SOLD_OUT" });
      expect((await engine.snapshot(id))?.remaining).toBe(0);
    });

    it("decides many parallel claims exactly", async () => {
      const id = uid();
      await engine.load(id, live({ totalStock: 50, remaining: 50 }), []);
      const users = Array.from({ length: 400 }, (_, i) => `user-${i % 300}`);
      const decisions = await Promise.all(users.map((u) => engine.claim(id, u, now)));
      const winners = users.filter((_, i) => decisions[i].kind === "WON");
      expect(winners).toHaveLength(50);
      expect(new Set(winners).size).toBe(50);
      expect((await engine.snapshot(id))?.remaining).toBe(0);
    });

    it("respects the window, on the engine's own clock, and pause and publish state", async () => {
      const id = uid();
      const startsAt = Date.now() + 5_000;
      await engine.load(id, live({ startsAt }), []);
      expect(await engine.claim(id, "a", Date.now())).toEqual({ kind: "NOT_STARTED", startsAt, engineNowMs: expect.any(Number) });
      // An app server whose clock runs 10 s ahead does not open it early.
      expect(await engine.claim(id, "a", Date.now() + 10_000)).toMatchObject({ kind: "NOT_STARTED", startsAt });
      const reply = await engine.claim(id, "a", Date.now());
      expect(reply.kind === "NOT_STARTED" && Math.abs(reply.engineNowMs - Date.now())).toBeLessThan(1_000);
      await engine.load(id, live({ startsAt: Date.now() - 1_000 }), []);
      expect(await engine.claim(id, "a", Date.now() - 10_000)).toMatchObject({ kind: "WON" });
      await engine.load(id, live({ startsAt: Date.now() - 60_000, endsAt: Date.now() - 1 }), []);
      expect(await engine.claim(id, "b", Date.now() - 10_000)).toEqual({ kind: "ENDED" });

      await engine.load(id, live({ paused: true }), []);
      expect(await engine.claim(id, "c", now)).toEqual({ kind: "PAUSED" });
      await engine.load(id, live({ published: false }), []);
      expect(await engine.claim(id, "c", now)).toEqual({ kind: "NOT_FOUND" });
    });

    it("load replaces stock and winners; release undoes only a real win", async () => {
      const id = uid();
      await engine.load(id, live({ totalStock: 5, remaining: 3 }), ["x", "y"]);
      expect(await engine.snapshot(id)).toEqual({ ...live({ totalStock: 5, remaining: 3 }), engineNowMs: expect.any(Number) });
      expect(await engine.claim(id, "x", now)).toEqual({ kind: "ALREADY_CLAIMED" });
      expect((await engine.winners(id))?.sort()).toEqual(["x", "y"]);
      expect(await engine.claim(id, "z", now)).toEqual({ kind: "WON", remaining: 2, loadId: expect.any(String) });
      await engine.release(id, "z");
      await engine.release(id, "z");
      await engine.release(id, "nobody");
      expect((await engine.snapshot(id))?.remaining).toBe(3);
      expect(await engine.claim(id, "z", now)).toMatchObject({ kind: "WON" });
      await engine.drop(id);
      expect(await engine.snapshot(id)).toBeNull();
      expect(await engine.winners(id)).toBeNull();
    });

    it("refund returns a coupon; settleSoldOut drops the win and empties the stock", async () => {
      const id = uid();
      await engine.load(id, live(), []);
      const won = await engine.claim(id, "a", now);
      expect(won).toEqual({ kind: "WON", remaining: 2, loadId: expect.any(String) });
      const loadId = won.kind === "WON" ? won.loadId : "";
      await engine.refund(id, "a", loadId);
      expect((await engine.snapshot(id))?.remaining).toBe(3);
      expect(await engine.claim(id, "a", now)).toEqual({ kind: "ALREADY_CLAIMED" });
      await engine.settleSoldOut(id, "a", loadId);
      expect((await engine.snapshot(id))?.remaining).toBe(0);
      expect(await engine.claim(id, "a", now)).toEqual({ kind: "SOLD_OUT" });
      await engine.drop(id);
      await engine.refund(id, "a", loadId);
      await engine.settleSoldOut(id, "a", loadId);
      expect(await engine.snapshot(id)).toBeNull();
    });

    it("applies a compensation only in the load it was decided in (a top-up's reload is never undone)", async () => {
      const id = uid();
      await engine.load(id, live({ totalStock: 1, remaining: 1 }), []);
      const won = await engine.claim(id, "a", now);
      const loadId = won.kind === "WON" ? won.loadId : "";
      // A top-up reloads the promotion from PostgreSQL (50 more, "a" was never written).
      await engine.load(id, live({ totalStock: 51, remaining: 50 }), ["b"]);
      // The late compensations of the win decided in the old load change nothing now.
      await engine.settleSoldOut(id, "a", loadId);
      await engine.refund(id, "a", loadId);
      await engine.release(id, "b", loadId);
      expect((await engine.snapshot(id))?.remaining).toBe(50);
      expect(await engine.winners(id)).toEqual(["b"]);
      // Unfenced, a release still undoes a real win of the current load.
      await engine.release(id, "b");
      expect((await engine.snapshot(id))?.remaining).toBe(51);
    });

    it("keeps each win reserved until confirmed, and lists the old ones for the sweeper", async () => {
      const id = uid();
      await engine.load(id, live(), []);
      await engine.claim(id, "a", now);
      await engine.claim(id, "b", now);
      expect(await engine.reservedBefore(id, 60_000)).toMatchObject({ userIds: [] });
      await new Promise((resolve) => setTimeout(resolve, 30));
      const old = await engine.reservedBefore(id, 10);
      expect(old?.userIds.sort()).toEqual(["a", "b"]);
      await engine.confirm(id, ["a"]);
      expect((await engine.reservedBefore(id, 10))?.userIds).toEqual(["b"]);
      await engine.release(id, "b", old?.loadId);
      expect((await engine.reservedBefore(id, 10))?.userIds).toEqual([]);
      expect((await engine.snapshot(id))?.remaining).toBe(2);
      expect(await engine.reservedBefore(uid(), 10)).toBeNull();
    });

    it("checks and counts a claim's rate limits in the claim's own step", async () => {
      const id = uid();
      const start = Math.floor(now / 10_000) * 10_000; // the start of a fixed window
      await engine.load(id, live({ startsAt: start - 60_000, totalStock: 10, remaining: 10 }), []);
      const limits = (ip: string) => [
        { subject: "user:a", limit: 2, windowMs: 10_000 },
        { subject: `ip:${ip}`, limit: 3, windowMs: 10_000 },
      ];
      expect(await engine.claim(id, "a", start + 1, limits("1.1.1.1"))).toMatchObject({ kind: "WON" });
      expect(await engine.claim(id, "a", start + 2, limits("1.1.1.1"))).toEqual({ kind: "ALREADY_CLAIMED" });
      // The user's third attempt is over its limit: refused, nothing counted or taken.
      expect(await engine.claim(id, "a", start + 1_000, limits("1.1.1.1"))).toEqual({
        kind: "RATE_LIMITED",
        retryAfterMs: 9_000,
      });
      // The address has one attempt left (two were counted, the refused one was not).
      expect(await engine.claim(id, "b", start + 1_000, [{ subject: "ip:1.1.1.1", limit: 3, windowMs: 10_000 }])).toMatchObject({
        kind: "WON",
      });
      expect(await engine.claim(id, "c", start + 1_000, [{ subject: "ip:1.1.1.1", limit: 3, windowMs: 10_000 }])).toMatchObject({
        kind: "RATE_LIMITED",
      });
      expect((await engine.snapshot(id))?.remaining).toBe(8);
      // Limits are per promotion: another promotion counts afresh.
      const other = uid();
      await engine.load(other, live({ startsAt: start - 60_000 }), []);
      expect(await engine.claim(other, "a", start + 1_000, limits("1.1.1.1"))).toMatchObject({ kind: "WON" });
    });

    it("limits a claim's attempts in a sliding window", async () => {
      const id = uid();
      const start = Math.floor(now / 10_000) * 10_000; // the start of a fixed window
      await engine.load(id, live({ startsAt: start - 60_000, totalStock: 100, remaining: 100 }), []);
      // Every attempt from a new person, so only the limit of the address decides.
      const claim = (at: number, address = "ip:a") =>
        engine.claim(id, uid(), at, [{ subject: address, limit: 3, windowMs: 10_000 }]);
      for (let i = 0; i < 3; i++) expect(await claim(start + i)).toMatchObject({ kind: "WON" });
      expect(await claim(start + 1_000)).toEqual({ kind: "RATE_LIMITED", retryAfterMs: 9_000 });
      expect(await claim(start + 1_000, "ip:b")).toMatchObject({ kind: "WON" }); // other subjects are free
      // Halfway through the next window the previous one weighs half: 3 * 0.5 = 1.5, room for one.
      expect(await claim(start + 15_000)).toMatchObject({ kind: "WON" });
      expect(await claim(start + 15_001)).toMatchObject({ kind: "RATE_LIMITED" });
      // Two windows later the old attempts no longer count.
      for (let i = 0; i < 3; i++) expect(await claim(start + 30_000 + i)).toMatchObject({ kind: "WON" });
    });

    it("throttles a subject in a sliding window, counting only what it allows", async () => {
      const subject = `signup:ip:${uid()}`;
      const start = Math.floor(now / 10_000) * 10_000; // the start of a fixed window
      const limit = { limit: 3, windowMs: 10_000 };
      for (let i = 0; i < 3; i++) expect(await engine.throttle(subject, limit, start + i)).toBe(0);
      expect(await engine.throttle(subject, limit, start + 1_000)).toBe(9_000);
      expect(await engine.throttle(`signup:ip:${uid()}`, limit, start + 1_000)).toBe(0); // other subjects are free
      // Halfway through the next window the previous one weighs half: 3 * 0.5 = 1.5, room for one.
      expect(await engine.throttle(subject, limit, start + 15_000)).toBe(0);
      expect(await engine.throttle(subject, limit, start + 15_001)).toBe(4_999);
      // Two windows later the old attempts no longer count; another window size is another counter.
      expect(await engine.throttle(subject, limit, start + 30_000)).toBe(0);
      expect(await engine.throttle(subject, { limit: 1, windowMs: 60_000 }, start + 30_000)).toBe(0);
      expect(await engine.throttle(subject, { limit: 1, windowMs: 60_000 }, start + 30_001)).toBeGreaterThan(0);
    });

    it("locks a subject after repeated failures, for a growing time, and a success resets the run", async () => {
      const subject = `signin:email:${uid()}@example.test`;
      const policy = { after: 3, baseMs: 60_000, maxMs: 200_000, forgetMs: 3_600_000 };
      const open = { limit: 1_000, windowMs: 60_000 };
      expect(await engine.recordFailure(subject, policy)).toBe(0);
      expect(await engine.recordFailure(subject, policy)).toBe(0);
      expect(await engine.throttle(subject, open, Date.now())).toBe(0);
      // The third failure locks for the base time; each further one doubles it, up to the cap.
      expect(await engine.recordFailure(subject, policy)).toBe(60_000);
      const wait = await engine.throttle(subject, open, Date.now());
      expect(wait).toBeGreaterThan(55_000);
      expect(wait).toBeLessThanOrEqual(60_000);
      expect(await engine.recordFailure(subject, policy)).toBe(120_000);
      expect(await engine.recordFailure(subject, policy)).toBe(200_000);
      expect(await engine.recordFailure(subject, policy)).toBe(200_000);
      // A success starts the count over, but the lock in force stays.
      await engine.clearFailures(subject);
      expect(await engine.throttle(subject, open, Date.now())).toBeGreaterThan(100_000);
      const other = `signin:email:${uid()}@example.test`;
      expect(await engine.throttle(other, open, Date.now())).toBe(0);
      await engine.recordFailure(other, policy);
      await engine.recordFailure(other, policy);
      await engine.clearFailures(other);
      expect(await engine.recordFailure(other, policy)).toBe(0);
    });

    it("ends a lock when its time is up", async () => {
      const subject = `signin:email:${uid()}`;
      expect(await engine.recordFailure(subject, { after: 1, baseMs: 50, maxMs: 50, forgetMs: 60_000 })).toBe(50);
      expect(await engine.throttle(subject, { limit: 10, windowMs: 60_000 }, Date.now())).toBeGreaterThan(0);
      await new Promise((resolve) => setTimeout(resolve, 120));
      expect(await engine.throttle(subject, { limit: 10, windowMs: 60_000 }, Date.now())).toBe(0);
    });

    it("lets a one-time token through once until it expires", async () => {
      const token = `challenge-${uid()}`;
      expect(await engine.firstUse(token, 60_000)).toBe(true);
      expect(await engine.firstUse(token, 60_000)).toBe(false);
      expect(await engine.firstUse(`${token}-other`, 60_000)).toBe(true);
      // Many at once: exactly one wins.
      const racing = `race-${uid()}`;
      const answers = await Promise.all(Array.from({ length: 20 }, () => engine.firstUse(racing, 60_000)));
      expect(answers.filter(Boolean)).toHaveLength(1);
      const short = `short-${uid()}`;
      expect(await engine.firstUse(short, 50)).toBe(true);
      await new Promise((resolve) => setTimeout(resolve, 120));
      expect(await engine.firstUse(short, 50)).toBe(true);
    });

    it("gives the rebuild lock to one holder at a time", async () => {
      const id = uid();
      const unlock = await engine.tryLock(id, 5_000);
      expect(unlock).not.toBeNull();
      expect(await engine.tryLock(id, 5_000)).toBeNull();
      await unlock!();
      const again = await engine.tryLock(id, 5_000);
      expect(again).not.toBeNull();
      await again!();
    });

    it("adds the outcome figures of every flush, keeps the lowest remaining and counts unique triers", async () => {
      const id = uid();
      const ttl = { secondsTtlMs: 60_000, triersTtlMs: 60_000 };
      expect(await engine.outcomes(id, [100, 101])).toEqual({ seconds: [], triers: 0 });
      // Two instances flush the same seconds: their counts add up.
      const first: OutcomeSecond[] = [
        { second: 100, counts: { won: 2, soldOut: 0, l3: 2 }, remaining: 8 },
        { second: 101, counts: { won: 1 }, remaining: null },
      ];
      expect(await engine.recordOutcomes(id, first, ["a", "b", "c"], ttl)).toBe(3);
      const second = [{ second: 100, counts: { won: 1, soldOut: 5, l3: 1, l7: 5 }, remaining: 5 }];
      expect(await engine.recordOutcomes(id, second, ["c", "d"], ttl)).toBe(4);
      expect(await engine.recordOutcomes(id, [{ second: 100, counts: {}, remaining: 9 }], [], ttl)).toBe(4);
      const read = await engine.outcomes(id, [99, 100, 101]);
      expect(read.triers).toBe(4);
      expect(read.seconds).toEqual([
        { second: 100, counts: { won: 3, soldOut: 5, l3: 3, l7: 5 }, remaining: 5 },
        { second: 101, counts: { won: 1 }, remaining: null },
      ]);
      // Another promotion's figures are its own.
      expect(await engine.outcomes(uid(), [100])).toEqual({ seconds: [], triers: 0 });
    });

    it("counts thousands of triers in one call", async () => {
      const id = uid();
      const triers = Array.from({ length: 5_000 }, (_, i) => `tr-${i}`);
      const count = await engine.recordOutcomes(id, [], triers, { secondsTtlMs: 60_000, triersTtlMs: 60_000 });
      // Redis estimates (HyperLogLog, about 0.8% standard error); memory counts exactly.
      expect(Math.abs(count - 5_000)).toBeLessThanOrEqual(5_000 * 0.03);
    });

    it("keeps an account's session state, never replaced by an older revision", async () => {
      const user = `user-${uid()}`;
      expect(await engine.sessionState(user)).toBeNull();
      const first = { revision: 1, version: 0, role: "ADMIN" as const, disabled: false };
      await engine.putSessionState(user, first, 60_000);
      expect(await engine.sessionState(user)).toEqual(first);
      const later = { revision: 3, version: 1, role: "USER" as const, disabled: true };
      await engine.putSessionState(user, later, 60_000);
      expect(await engine.sessionState(user)).toEqual(later);
      // A copy read from the database before the change (a slower request) does not undo it,
      // nor does a copy of the same revision with other values.
      await engine.putSessionState(user, first, 60_000);
      await engine.putSessionState(user, { ...later, disabled: false }, 60_000);
      expect(await engine.sessionState(user)).toEqual(later);
      // Other accounts are apart.
      expect(await engine.sessionState(`user-${uid()}`)).toBeNull();
    });

    it("forgets a session state after its time to live, and renews it on a put of the same revision", async () => {
      const user = `user-${uid()}`;
      const state = { revision: 2, version: 5, role: "USER" as const, disabled: false };
      await engine.putSessionState(user, state, 300);
      await new Promise((resolve) => setTimeout(resolve, 100));
      await engine.putSessionState(user, state, 1_500);
      // Past the first time to live, within the renewed one.
      await new Promise((resolve) => setTimeout(resolve, 400));
      expect(await engine.sessionState(user)).toEqual(state);
      await new Promise((resolve) => setTimeout(resolve, 1_300));
      expect(await engine.sessionState(user)).toBeNull();
      // Once gone, any revision is stored again (the engine is rebuilt from PostgreSQL).
      await engine.putSessionState(user, { ...state, revision: 0 }, 60_000);
      expect(await engine.sessionState(user)).toEqual({ ...state, revision: 0 });
    });

    it("answers ping", async () => {
      expect(await engine.ping()).toBe(true);
    });
  });
}
