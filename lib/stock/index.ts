import "server-only";
import { env } from "@/lib/env";
import type { StockEngine } from "./engine";
import { createMemoryEngine } from "./memory";
import { createRedisEngine } from "./redis";

const cache = globalThis as unknown as { couponStock?: StockEngine };

/**
 * The process-wide stock engine: Redis when REDIS_URL is set, otherwise the in-process memory
 * engine, which is only correct while a single process serves the site (the local run).
 */
export function getStockEngine(): StockEngine {
  cache.couponStock ??= env.REDIS_URL
    ? createRedisEngine({ url: env.REDIS_URL, keyPrefix: env.REDIS_KEY_PREFIX })
    : createMemoryEngine();
  return cache.couponStock;
}
