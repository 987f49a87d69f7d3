// A private redis-server for tests that must destroy Redis state (FLUSHALL, restarts)
// without touching the machine's shared Redis.
import { spawn, type ChildProcess } from "node:child_process";
import { Redis } from "ioredis";
import { afterAll, beforeAll } from "vitest";
import { createRedisEngine } from "@/lib/engine/redis";
import { services, type Services } from "@/lib/services";
import { freePort } from "./net";

function launch(port: number): ChildProcess {
  return spawn("redis-server", ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"], {
    stdio: "ignore",
  });
}

async function waitForPing(url: string): Promise<Redis> {
  for (let i = 0; ; i++) {
    const probe = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
    probe.on("error", () => {});
    try {
      await probe.connect();
      await probe.ping();
      return probe;
    } catch (error) {
      probe.disconnect();
      if (i > 100) throw error;
      await new Promise((r) => setTimeout(r, 50));
    }
  }
}

export async function startRedisServer() {
  const port = await freePort();
  const url = `redis://127.0.0.1:${port}`;
  let child = launch(port);
  let probe = await waitForPing(url);
  return {
    url,
    flushAll: () => probe.flushall(),
    /** Kills the server (losing everything, as it keeps nothing on disk) and starts it again on the same port. */
    async restart(downMs = 100) {
      probe.disconnect();
      child.kill("SIGKILL");
      await new Promise((r) => child.once("exit", r));
      await new Promise((r) => setTimeout(r, downMs));
      child = launch(port);
      probe = await waitForPing(url);
    },
    async stop() {
      probe.disconnect();
      child.kill("SIGKILL");
    },
  };
}

/**
 * For a describe block whose tests destroy Redis state: a private redis-server and services that
 * use it (with the run's database), started before its tests and stopped after them.
 */
export function usePrivateRedis() {
  const context = {} as { redis: Awaited<ReturnType<typeof startRedisServer>>; svc: Services };
  beforeAll(async () => {
    context.redis = await startRedisServer();
    context.svc = { ...services(), engine: createRedisEngine({ url: context.redis.url }) };
  });
  afterAll(async () => {
    await context.svc.engine.close();
    await context.redis.stop();
  });
  return context;
}
