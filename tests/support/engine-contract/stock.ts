// The behaviour every engine's stock store shows (lib/engine/stock/): claims, compensations, reservations, loads, the rebuild lock.
import { describe, expect, it } from "vitest";
import type { StockSnapshot, StockStore } from "@/lib/engine/stock/store";
import { uid } from "@/tests/support/fixtures";
import type { ContractTime } from "./time";

export function stockStoreContract(name: string, stock: StockStore, time: ContractTime) {
  const now = time.now();
  const live = (over: Partial<StockSnapshot> = {}): StockSnapshot => ({
    startsAt: now - 1_000,
    endsAt: now + 60_000,
    paused: false,
    published: true,
    totalStock: 3,
    remaining: 3,
    ...over,
  });

  describe(`stock store contract: ${name}`, () => {
    it("answers MISSING for a promotion it holds nothing about", async () => {
      const id = uid();
      expect(await stock.claim(id, "u1", now)).toEqual({ kind: "MISSING" });
      expect(await stock.snapshot(id)).toBeNull();
    });

    it("hands out exactly the stock, once per user, and counts down", async () => {
      const id = uid();
      await stock.load(id, live(), []);
      expect(await stock.claim(id, "a", now)).toEqual({ kind: "WON", remaining: 2, loadId: expect.any(String) });
      expect(await stock.claim(id, "a", now)).toEqual({ kind: "ALREADY_CLAIMED" });
      expect(await stock.claim(id, "b", now)).toEqual({ kind: "WON", remaining: 1, loadId: expect.any(String) });
      expect(await stock.claim(id, "c", now)).toEqual({ kind: "WON", remaining: 0, loadId: expect.any(String) });
      expect(await stock.claim(id, "d", now)).toEqual({ kind: "SOLD_OUT" });
      expect((await stock.snapshot(id))?.remaining).toBe(0);
    });

    it("decides many parallel claims exactly", async () => {
      const id = uid();
      await stock.load(id, live({ totalStock: 50, remaining: 50 }), []);
      const users = Array.from({ length: 400 }, (_, i) => `user-${i % 300}`);
      const decisions = await Promise.all(users.map((u) => stock.claim(id, u, now)));
      const winners = users.filter((_, i) => decisions[i].kind === "WON");
      expect(winners).toHaveLength(50);
      expect(new Set(winners).size).toBe(50);
      expect((await stock.snapshot(id))?.remaining).toBe(0);
    });

    it("respects the window, on the engine's own clock, and pause and publish state", async () => {
      const id = uid();
      const startsAt = time.now() + 5_000;
      await stock.load(id, live({ startsAt }), []);
      expect(await stock.claim(id, "a", time.now())).toEqual({ kind: "NOT_STARTED", startsAt, engineNowMs: expect.any(Number) });
      // An app server whose clock runs 10 s ahead does not open it early.
      expect(await stock.claim(id, "a", time.now() + 10_000)).toMatchObject({ kind: "NOT_STARTED", startsAt });
      const reply = await stock.claim(id, "a", time.now());
      expect(reply.kind === "NOT_STARTED" && Math.abs(reply.engineNowMs - time.now())).toBeLessThan(1_000);
      await stock.load(id, live({ startsAt: time.now() - 1_000 }), []);
      expect(await stock.claim(id, "a", time.now() - 10_000)).toMatchObject({ kind: "WON" });
      await stock.load(id, live({ startsAt: time.now() - 60_000, endsAt: time.now() - 1 }), []);
      expect(await stock.claim(id, "b", time.now() - 10_000)).toEqual({ kind: "ENDED" });

      await stock.load(id, live({ paused: true }), []);
      expect(await stock.claim(id, "c", now)).toEqual({ kind: "PAUSED" });
      await stock.load(id, live({ published: false }), []);
      expect(await stock.claim(id, "c", now)).toEqual({ kind: "NOT_FOUND" });
    });

    it("load replaces stock and winners; release undoes only a real win", async () => {
      const id = uid();
      await stock.load(id, live({ totalStock: 5, remaining: 3 }), ["x", "y"]);
      expect(await stock.snapshot(id)).toEqual({ ...live({ totalStock: 5, remaining: 3 }), engineNowMs: expect.any(Number) });
      expect(await stock.claim(id, "x", now)).toEqual({ kind: "ALREADY_CLAIMED" });
      expect((await stock.winners(id))?.sort()).toEqual(["x", "y"]);
      expect(await stock.claim(id, "z", now)).toEqual({ kind: "WON", remaining: 2, loadId: expect.any(String) });
      await stock.release(id, "z");
      await stock.release(id, "z");
      await stock.release(id, "nobody");
      expect((await stock.snapshot(id))?.remaining).toBe(3);
      expect(await stock.claim(id, "z", now)).toMatchObject({ kind: "WON" });
      await stock.drop(id);
      expect(await stock.snapshot(id)).toBeNull();
      expect(await stock.winners(id)).toBeNull();
    });

    it("refund returns a coupon; settleSoldOut drops the win and empties the stock", async () => {
      const id = uid();
      await stock.load(id, live(), []);
      const won = await stock.claim(id, "a", now);
      expect(won).toEqual({ kind: "WON", remaining: 2, loadId: expect.any(String) });
      const loadId = won.kind === "WON" ? won.loadId : "";
      await stock.refund(id, "a", loadId);
      expect((await stock.snapshot(id))?.remaining).toBe(3);
      expect(await stock.claim(id, "a", now)).toEqual({ kind: "ALREADY_CLAIMED" });
      await stock.settleSoldOut(id, "a", loadId);
      expect((await stock.snapshot(id))?.remaining).toBe(0);
      expect(await stock.claim(id, "a", now)).toEqual({ kind: "SOLD_OUT" });
      await stock.drop(id);
      await stock.refund(id, "a", loadId);
      await stock.settleSoldOut(id, "a", loadId);
      expect(await stock.snapshot(id)).toBeNull();
    });

    it("applies a compensation only in the load it was decided in (a top-up's reload is never undone)", async () => {
      const id = uid();
      await stock.load(id, live({ totalStock: 1, remaining: 1 }), []);
      const won = await stock.claim(id, "a", now);
      const loadId = won.kind === "WON" ? won.loadId : "";
      // A top-up reloads the promotion from PostgreSQL (50 more, "a" was never written).
      await stock.load(id, live({ totalStock: 51, remaining: 50 }), ["b"]);
      // The late compensations of the win decided in the old load change nothing now.
      await stock.settleSoldOut(id, "a", loadId);
      await stock.refund(id, "a", loadId);
      await stock.release(id, "b", loadId);
      expect((await stock.snapshot(id))?.remaining).toBe(50);
      expect(await stock.winners(id)).toEqual(["b"]);
      // Unfenced, a release still undoes a real win of the current load.
      await stock.release(id, "b");
      expect((await stock.snapshot(id))?.remaining).toBe(51);
    });

    it("keeps each win reserved until confirmed, and lists the old ones for the sweeper", async () => {
      const id = uid();
      await stock.load(id, live(), []);
      await stock.claim(id, "a", now);
      await stock.claim(id, "b", now);
      expect(await stock.reservedBefore(id, 60_000)).toMatchObject({ userIds: [] });
      await time.pass(30);
      const old = await stock.reservedBefore(id, 10);
      expect(old?.userIds.sort()).toEqual(["a", "b"]);
      await stock.confirm(id, ["a"]);
      expect((await stock.reservedBefore(id, 10))?.userIds).toEqual(["b"]);
      await stock.release(id, "b", old?.loadId);
      expect((await stock.reservedBefore(id, 10))?.userIds).toEqual([]);
      expect((await stock.snapshot(id))?.remaining).toBe(2);
      expect(await stock.reservedBefore(uid(), 10)).toBeNull();
    });

    it("checks and counts a claim's rate limits in the claim's own step", async () => {
      const id = uid();
      const start = Math.floor(now / 10_000) * 10_000; // the start of a fixed window
      await stock.load(id, live({ startsAt: start - 60_000, totalStock: 10, remaining: 10 }), []);
      const limits = (ip: string) => [
        { subject: "user:a", limit: 2, windowMs: 10_000 },
        { subject: `ip:${ip}`, limit: 3, windowMs: 10_000 },
      ];
      expect(await stock.claim(id, "a", start + 1, limits("1.1.1.1"))).toMatchObject({ kind: "WON" });
      expect(await stock.claim(id, "a", start + 2, limits("1.1.1.1"))).toEqual({ kind: "ALREADY_CLAIMED" });
      // The user's third attempt is over its limit: refused, nothing counted or taken.
      expect(await stock.claim(id, "a", start + 1_000, limits("1.1.1.1"))).toEqual({
        kind: "RATE_LIMITED",
        retryAfterMs: 9_000,
      });
      // The address has one attempt left (two were counted, the refused one was not).
      expect(await stock.claim(id, "b", start + 1_000, [{ subject: "ip:1.1.1.1", limit: 3, windowMs: 10_000 }])).toMatchObject({
        kind: "WON",
      });
      expect(await stock.claim(id, "c", start + 1_000, [{ subject: "ip:1.1.1.1", limit: 3, windowMs: 10_000 }])).toMatchObject({
        kind: "RATE_LIMITED",
      });
      expect((await stock.snapshot(id))?.remaining).toBe(8);
      // Limits are per promotion: another promotion counts afresh.
      const other = uid();
      await stock.load(other, live({ startsAt: start - 60_000 }), []);
      expect(await stock.claim(other, "a", start + 1_000, limits("1.1.1.1"))).toMatchObject({ kind: "WON" });
    });

    it("limits a claim's attempts in a sliding window", async () => {
      const id = uid();
      const start = Math.floor(now / 10_000) * 10_000; // the start of a fixed window
      await stock.load(id, live({ startsAt: start - 60_000, totalStock: 100, remaining: 100 }), []);
      // Every attempt from a new person, so only the limit of the address decides.
      const claim = (at: number, address = "ip:a") =>
        stock.claim(id, uid(), at, [{ subject: address, limit: 3, windowMs: 10_000 }]);
      for (let i = 0; i < 3; i++) expect(await claim(start + i)).toMatchObject({ kind: "WON" });
      expect(await claim(start + 1_000)).toEqual({ kind: "RATE_LIMITED", retryAfterMs: 9_000 });
      expect(await claim(start + 1_000, "ip:b")).toMatchObject({ kind: "WON" }); // other subjects are free
      // Halfway through the next window the previous one weighs half: 3 * 0.5 = 1.5, room for one.
      expect(await claim(start + 15_000)).toMatchObject({ kind: "WON" });
      expect(await claim(start + 15_001)).toMatchObject({ kind: "RATE_LIMITED" });
      // Two windows later the old attempts no longer count.
      for (let i = 0; i < 3; i++) expect(await claim(start + 30_000 + i)).toMatchObject({ kind: "WON" });
    });

    it("gives the rebuild lock to one holder at a time", async () => {
      const id = uid();
      const unlock = await stock.tryLock(id, 5_000);
      expect(unlock).not.toBeNull();
      expect(await stock.tryLock(id, 5_000)).toBeNull();
      await unlock!();
      const again = await stock.tryLock(id, 5_000);
      expect(again).not.toBeNull();
      await again!();
    });
  });
}
