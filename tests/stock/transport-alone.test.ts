// A script declared `alone` skips ioredis's auto-pipeline (a single flight's read: nothing would
// join it, and the pipeline doubles the client's cost, bench/pipelining.mjs); the others join it.
import { Redis } from "ioredis";
import { afterAll, describe, expect, inject, it } from "vitest";
import { SNAPSHOT, WINNERS } from "@/lib/engine/stock/load-scripts";
import { ioredisTransport } from "@/lib/engine/transport/ioredis";
import { scriptRunner } from "@/lib/engine/transport/script";

const redis = new Redis(inject("redisUrl"), { enableAutoPipelining: true });
const run = scriptRunner(ioredisTransport(redis));
const keys = { meta: `${inject("keyPrefix")}alone:meta`, stock: `${inject("keyPrefix")}alone:stock` };
afterAll(() => redis.disconnect());

describe("scripts sent alone", () => {
  it("the stock snapshot goes straight to the connection; the winners read joins the auto-pipeline", async () => {
    expect(SNAPSHOT.alone).toBe(true);
    expect(WINNERS.alone).toBe(false);
    const snapshot = run(SNAPSHOT, keys);
    expect(redis.autoPipelineQueueSize).toBe(0);
    const winners = run(WINNERS, { meta: keys.meta, winners: `${inject("keyPrefix")}alone:winners` });
    expect(redis.autoPipelineQueueSize).toBe(1);
    // Both answered, the lone one through the same NOSCRIPT fallback as any other.
    expect(await snapshot).toBeNull();
    expect(await winners).toBeNull();
  });
});
