// Unknown promotion ids (typos, scans of random ids): bounded memory, at most one database
// query per id and second, and never the stock engine's rebuild lock.
import { randomBytes } from "node:crypto";
import { afterAll, describe, expect, it, vi } from "vitest";
import { boundedCache } from "@/lib/cache/lru";
import { claimConfigCache, getClaimConfig } from "@/lib/promotions/claim-config";
import { getLiveStock } from "@/lib/promotions/queries";
import { services, type Services } from "@/lib/services";
import { recordingDb } from "@/tests/support/sql-log";
import { attempt } from "@/tests/support/storm";

// The shape of a real id (promotionIdParams), naming nothing.
const randomId = () => `zz${randomBytes(10).toString("hex")}`;

async function notFound(read: Promise<unknown>) {
  await expect(read).rejects.toMatchObject({ code: "NOT_FOUND" });
}

describe("boundedCache", () => {
  it("holds at most max entries, evicting the least recently used", () => {
    const cache = boundedCache<string, number>({ max: 2, ttlMs: 60_000 });
    cache.set("a", 1);
    cache.set("b", 2);
    expect(cache.get("a")).toBe(1); // now b is the least recently used
    cache.set("c", 3);
    expect([cache.get("a"), cache.get("b"), cache.get("c"), cache.size]).toEqual([1, undefined, 3, 2]);
  });

  it("forgets an entry after its time to live", () => {
    let now = 0;
    const cache = boundedCache<string, number>({ max: 10, ttlMs: 1_000, now: () => now });
    cache.set("a", 1);
    now = 999;
    expect(cache.get("a")).toBe(1);
    now = 1_001;
    expect(cache.get("a")).toBeUndefined();
    expect(cache.size).toBe(0);
  });
});

describe("unknown promotion ids", () => {
  it("20,000 random ids through the stock read and the claim settings keep the cache within its bound", async () => {
    const svc = services();
    const ids = Array.from({ length: 20_000 }, randomId);
    for (let i = 0; i < ids.length; i += 250) {
      await Promise.all(ids.slice(i, i + 250).flatMap((id) => [notFound(getLiveStock(svc, id)), getClaimConfig(svc.db, id)]));
      expect(claimConfigCache.size()).toBeLessThanOrEqual(claimConfigCache.max);
    }
    expect(claimConfigCache.max).toBeLessThan(ids.length);
    expect(claimConfigCache.size()).toBe(claimConfigCache.max);
  });

  describe("cost per id", () => {
    const recording = recordingDb();
    const engine = services().engine.stock;
    const tryLock = vi.fn(engine.tryLock.bind(engine));
    // The engine itself, but every rebuild lock it is asked for is counted.
    const stock = new Proxy(engine, {
      get(target, key) {
        if (key === "tryLock") return tryLock;
        const value: unknown = Reflect.get(target, key);
        return typeof value === "function" ? value.bind(target) : value;
      },
    });
    const svc: Services = { db: recording.db, pool: recording.pool, engine: { ...services().engine, stock } };
    const queriesFor = (id: string) => recording.statements.filter((s) => JSON.stringify(s.values).includes(id)).length;
    afterAll(() => recording.db.$disconnect());

    it("stock reads and claims of an unknown id cost one query per second and no rebuild lock", async () => {
      const ids = Array.from({ length: 50 }, randomId);
      await Promise.all(
        ids.map(async (id) => {
          await notFound(getLiveStock(svc, id));
          await Promise.all([notFound(getLiveStock(svc, id)), notFound(getLiveStock(svc, id))]);
          expect(await attempt(svc, id, "someone")).toMatchObject({ ok: false, code: "NOT_FOUND", status: 404 });
          expect(await attempt(svc, id, "someone-else")).toMatchObject({ ok: false, code: "NOT_FOUND", status: 404 });
        }),
      );
      expect(ids.map(queriesFor)).toEqual(ids.map(() => 1));
      expect(tryLock).not.toHaveBeenCalled();

      // The answer is remembered for a second only: a promotion created since is found.
      const [later] = ids;
      await new Promise((resolve) => setTimeout(resolve, 1_100));
      await notFound(getLiveStock(svc, later));
      expect(queriesFor(later)).toBe(2);
      expect(tryLock).not.toHaveBeenCalled();
    });
  });
});
