import "server-only";
import { env } from "@/lib/env";
import type { StockEngine } from "./engine";
import { createRedisEngine } from "./redis";

const cache = globalThis as unknown as { couponStock?: StockEngine };

/** The process-wide stock engine chosen by configuration. */
export function getStockEngine(): StockEngine {
  if (!cache.couponStock) {
    if (!env.REDIS_URL) throw new Error("REDIS_URL is not set");
    cache.couponStock = createRedisEngine({ url: env.REDIS_URL, keyPrefix: env.REDIS_KEY_PREFIX });
  }
  return cache.couponStock;
}
