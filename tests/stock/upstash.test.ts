// The Upstash engine over REST, through a local Upstash-compatible bridge to a real Redis.
import { createServer } from "node:http";
import { Redis as UpstashRedis } from "@upstash/redis";
import { afterAll, describe, expect, inject, it } from "vitest";
import { getDb, getPool } from "@/lib/db";
import { createUpstashEngine } from "@/lib/engine/redis";
import type { Services } from "@/lib/services";
import { deleteKeys } from "@/tests/support/cleanup";
import { engineContract, realTime } from "@/tests/support/engine-contract";
import { fairStartContract } from "@/tests/support/fair-start-contract";
import { createPromotion, createUsers } from "@/tests/support/fixtures";
import { startRedisServer } from "@/tests/support/redis-server";
import { attempt, expectExact, expectOnlySoldOut } from "@/tests/support/storm";
import { startUpstashBridge } from "@/tests/support/upstash-bridge";

const token = "test-token-of-this-run";
const keyPrefix = `${inject("keyPrefix")}upstash:`;

// Started while the file is collected: the contract suite needs its engine at definition time.
const bridge = await startUpstashBridge({ redisUrl: inject("redisUrl"), token });
const engine = createUpstashEngine({ url: bridge.url, token, keyPrefix });
afterAll(async () => {
  await bridge.stop();
  await deleteKeys(inject("redisUrl"), keyPrefix);
});

engineContract(engine, realTime);

describe("claimCoupon over Upstash REST", () => {
  it("600 parallel claims from 600 users on stock 40: exactly 40 winners", async () => {
    const svc: Services = { db: getDb(), pool: getPool(), engine };
    const users = await createUsers(svc.db, 600);
    const promotion = await createPromotion(svc.db, { totalStock: 40 });

    const outcomes = await Promise.all(users.map((u) => attempt(svc, promotion.id, u.id)));
    expectOnlySoldOut(outcomes);
    await expectExact(
      svc,
      promotion.id,
      40,
      outcomes.filter((o) => o.ok),
    );
  });
});

describe("Upstash engine details", () => {
  it("falls back to EVAL when the server has no scripts cached", async () => {
    // A private Redis, so flushing its script cache disturbs nobody.
    const redis = await startRedisServer();
    const privateBridge = await startUpstashBridge({ redisUrl: redis.url, token });
    try {
      const fresh = createUpstashEngine({ url: privateBridge.url, token });
      const raw = new UpstashRedis({ url: privateBridge.url, token, automaticDeserialization: false });
      const now = Date.now();
      const live = { startsAt: now - 1_000, endsAt: now + 60_000, paused: false, published: true, totalStock: 2, remaining: 2 };
      await fresh.stock.load("p1", live, []);
      await raw.scriptFlush();
      expect(await fresh.stock.claim("p1", "a", now)).toEqual({ kind: "WON", remaining: 1, loadId: expect.any(String) });
      await raw.scriptFlush();
      expect(await fresh.stock.snapshot("p1")).toEqual({ ...live, remaining: 1, engineNowMs: expect.any(Number) });
    } finally {
      await privateBridge.stop();
      await redis.stop();
    }
  });

  it("the bridge answers like Upstash: base64 strings except OK, numbers, nil, pipeline, multi-exec", async () => {
    const key = (name: string) => `${keyPrefix}bridge:${name}`;
    const headers = { Authorization: `Bearer ${token}`, "Upstash-Encoding": "base64" };
    const post = async (path: string, body: unknown) => {
      const res = await fetch(`${bridge.url}${path}`, { method: "POST", headers, body: JSON.stringify(body) });
      return { status: res.status, body: await res.json() };
    };
    const b64 = (s: string) => Buffer.from(s).toString("base64");

    expect(await post("/", ["SET", key("s"), "héllo"])).toEqual({ status: 200, body: { result: "OK" } });
    expect(await post("/", ["GET", key("s")])).toEqual({ status: 200, body: { result: b64("héllo") } });
    expect(await post("/", ["GET", key("none")])).toEqual({ status: 200, body: { result: null } });
    expect(await post("/", ["INCR", key("s")])).toMatchObject({ status: 400, body: { error: expect.stringContaining("ERR") } });
    expect(
      await post("/pipeline", [
        ["INCR", key("n")],
        ["INCR", key("s")],
        ["MGET", key("n"), key("none")],
      ]),
    ).toEqual({
      status: 200,
      body: [{ result: 1 }, { error: expect.stringContaining("ERR") }, { result: [b64("1"), null] }],
    });
    expect(
      await post("/multi-exec", [
        ["INCR", key("n")],
        ["INCRBY", key("n"), 5],
      ]),
    ).toEqual({
      status: 200,
      body: [{ result: 2 }, { result: 7 }],
    });
  });

  it("gives up on a server that does not answer instead of waiting forever", { timeout: 20_000 }, async () => {
    const silent = createServer(() => {}); // accepts requests, never answers
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
    try {
      const { port } = silent.address() as { port: number };
      const stuck = createUpstashEngine({ url: `http://127.0.0.1:${port}`, token, timeoutMs: 300 });
      await expect(stuck.stock.claim("p", "u", Date.now())).rejects.toThrow();
    } finally {
      silent.closeAllConnections();
      silent.close();
    }
  });

  it("the bridge refuses a wrong or missing token", async () => {
    for (const authorization of ["Bearer wrong-token", undefined]) {
      const res = await fetch(`${bridge.url}/`, {
        method: "POST",
        headers: authorization ? { Authorization: authorization } : {},
        body: JSON.stringify(["PING"]),
      });
      expect(res.status).toBe(401);
    }
    const intruder = createUpstashEngine({ url: bridge.url, token: "wrong-token", keyPrefix });
    await expect(intruder.ping()).rejects.toThrow(/Unauthorized/);
  });
});

// Last in the file: the draw's change notices must not reach the change-feed contract's listeners.
fairStartContract("upstash", () => ({ db: getDb(), pool: getPool(), engine }));
