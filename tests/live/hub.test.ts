// The live stream end to end inside the process boundary: a claim made through one engine
// instance (another server) reaches the SSE stream of a hub on another instance, through real
// Redis pub/sub and real PostgreSQL; the memory engine's emitter does the same in one process.
import { NextRequest } from "next/server";
import { afterAll, describe, expect, inject, it } from "vitest";
import { GET as liveRoute } from "@/app/api/admin/live/route";
import { claimCoupon } from "@/lib/claims/claim";
import { getDb, getPool } from "@/lib/db";
import type { Engine } from "@/lib/engine/engine";
import { createMemoryEngine } from "@/lib/engine/memory";
import { createRedisEngine } from "@/lib/engine/redis";
import { createLiveHub, type LiveHub } from "@/lib/live/hub";
import { setPaused } from "@/lib/promotions/admin";
import type { Services } from "@/lib/services";
import { createPromotion, createUsers, sessionCookie, uid } from "@/tests/support/fixtures";

interface Frame {
  id?: string;
  event: string;
  data: Record<string, unknown> & {
    promotions?: { id: string; remaining: number; status: string; stats: { claimed: number } }[];
  };
}

/** Reads server-sent events off a stream, frame by frame. */
function sseReader(stream: ReadableStream<Uint8Array>) {
  const reader = stream.getReader();
  const decoder = new TextDecoder();
  let buffer = "";
  async function next(): Promise<Frame | null> {
    for (;;) {
      const end = buffer.indexOf("\n\n");
      if (end >= 0) {
        const raw = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const fields = Object.fromEntries(
          raw
            .split("\n")
            .filter((line) => line && !line.startsWith(":"))
            .map((line) => [line.slice(0, line.indexOf(":")), line.slice(line.indexOf(":") + 2)]),
        );
        return { id: fields.id, event: fields.event, data: JSON.parse(fields.data) };
      }
      const { done, value } = await reader.read();
      if (done) return null;
      buffer += decoder.decode(value, { stream: true });
    }
  }
  /** The next update in which `test` holds for promotion `id` (skipping pings and earlier updates). */
  async function until(id: string, test: (p: NonNullable<Frame["data"]["promotions"]>[number]) => boolean) {
    for (;;) {
      const frame = await next();
      if (!frame) throw new Error("the stream ended");
      const p = frame.data.promotions?.find((x) => x.id === id);
      if (frame.event === "update" && p && test(p)) return { frame, promotion: p };
    }
  }
  return { next, until, cancel: () => reader.cancel() };
}

const redisEngine = () => createRedisEngine({ url: inject("redisUrl"), keyPrefix: inject("keyPrefix") });
const servicesOf = (engine: Engine): Services => ({ db: getDb(), pool: getPool(), engine });

describe.each([
  { name: "redis: hub on one instance, claims on another", engines: () => [redisEngine(), redisEngine()] },
  {
    name: "memory: one process, one engine",
    engines: () => {
      const engine = createMemoryEngine();
      return [engine, engine];
    },
  },
])("live hub, $name", ({ engines }) => {
  const [hubEngine, claimEngine] = engines();
  const hub: LiveHub = createLiveHub(servicesOf(hubEngine), { intervalMs: 100 });
  const claimer = servicesOf(claimEngine);
  afterAll(async () => {
    hub.close();
    await Promise.all([hubEngine.close(), claimEngine.close()]);
  });

  it("a detail stream: a snapshot first, then each claim's new figures", async () => {
    const promotion = await createPromotion(getDb(), { totalStock: 10 });
    const users = await createUsers(getDb(), 3);
    const stream = sseReader(await hub.open([promotion.id]));
    const snapshot = await stream.next();
    expect(snapshot).toMatchObject({ event: "snapshot", data: { missing: [] } });
    expect(snapshot!.data.promotions).toHaveLength(1);
    expect(snapshot!.data.promotions![0]).toMatchObject({ id: promotion.id, stats: { claimed: 0 } });

    for (const [i, user] of users.entries()) {
      await claimCoupon(claimer, { promotionId: promotion.id, userId: user.id });
      const { promotion: seen, frame } = await stream.until(promotion.id, (p) => p.stats.claimed === i + 1);
      expect(seen).toMatchObject({ remaining: 9 - i, status: "LIVE", stats: { claimed: i + 1, issued: i + 1, pending: 0 } });
      expect(frame.id).toMatch(/^[0-9a-f]+-\d+$/);
    }
    await stream.cancel();
  });

  it("the dashboard stream watches every promotion: claims/s while claims flow, then a pause", async () => {
    const promotion = await createPromotion(getDb(), { totalStock: 50 });
    const [admin] = await createUsers(getDb(), 1, "ADMIN");
    const users = await createUsers(getDb(), 20);
    const stream = sseReader(await hub.open(null));
    const snapshot = await stream.next();
    expect(snapshot!.data.promotions!.map((p) => p.id)).toContain(promotion.id);

    await Promise.all(users.map((u) => claimCoupon(claimer, { promotionId: promotion.id, userId: u.id })));
    const { promotion: seen } = await stream.until(promotion.id, (p) => p.stats.claimed === 20);
    expect(seen).toMatchObject({ remaining: 30 });
    expect((seen as unknown as { claimRate: number }).claimRate).toBeGreaterThan(0);

    await setPaused(claimer, admin.id, promotion.id, true);
    await stream.until(promotion.id, (p) => p.status === "PAUSED");
    await stream.cancel();
  });

  it("names watched ids that do not exist, and close() ends every stream", async () => {
    const other = createLiveHub(servicesOf(hubEngine));
    const ghost = "zz" + uid();
    const stream = sseReader(await other.open([ghost]));
    expect(await stream.next()).toMatchObject({ event: "snapshot", data: { promotions: [], missing: [ghost] } });
    expect(other.clients).toBe(1);
    other.close();
    expect(await stream.next()).toBeNull();
    expect(other.clients).toBe(0);
    await expect(other.open(null)).rejects.toThrow();
  });
});

describe("live hub, a client that stops reading", () => {
  it("is cut off once its unread frames pile up, instead of holding them in memory", async () => {
    const engine = createMemoryEngine();
    const hub = createLiveHub(servicesOf(engine), { heartbeatMs: 1 });
    try {
      await hub.open(null); // never read
      expect(hub.clients).toBe(1);
      await expect.poll(() => hub.clients, { timeout: 10_000 }).toBe(0);
    } finally {
      hub.close();
      await engine.close();
    }
  });
});

describe("GET /api/admin/live", () => {
  const get = (cookie?: string, query = "") =>
    liveRoute(new NextRequest(`http://localhost:3000/api/admin/live${query}`, { headers: cookie ? { cookie } : {} }), {
      params: Promise.resolve({}),
    });

  it("is admin-only and validates its query in the API's error shape", async () => {
    const [user] = await createUsers(getDb(), 1);
    const [admin] = await createUsers(getDb(), 1, "ADMIN");
    const adminCookie = await sessionCookie(admin);
    expect((await get()).status).toBe(401);
    expect(await (await get(await sessionCookie(user))).json()).toMatchObject({ error: "FORBIDDEN" });
    for (const bad of ["?ids=", "?ids=NOT-AN-ID", "?other=1"]) {
      const res = await get(adminCookie, bad);
      expect(res.status).toBe(400);
      expect(await res.json()).toMatchObject({ error: "INVALID_INPUT" });
    }
  });

  it("answers an event stream, uncompressed and uncached, that starts with a snapshot", async () => {
    const [admin] = await createUsers(getDb(), 1, "ADMIN");
    const promotion = await createPromotion(getDb());
    const res = await get(await sessionCookie(admin), `?ids=${promotion.id}`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/event-stream; charset=utf-8");
    expect(res.headers.get("cache-control")).toContain("no-transform");
    const stream = sseReader(res.body!);
    const first = await stream.next();
    expect(first).toMatchObject({ event: "snapshot" });
    expect(first!.data.promotions![0]).toMatchObject({ id: promotion.id, remaining: 10 });
    await stream.cancel();
  });
});
