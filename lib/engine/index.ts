import "server-only";
import { env } from "@/lib/env";
import { processState } from "@/lib/process-state";
import type { Engine } from "./engine";
import { createMemoryEngine } from "./memory";
import { createRedisClusterEngine, createRedisEngine, createUpstashEngine } from "./redis";

/**
 * The process-wide engine, chosen from the environment: Redis Cluster, then Redis, then
 * Upstash (REST, for serverless). Without any of them the in-process memory engine, which is
 * only correct while a single process serves the site (the local run).
 */
export function getEngine(): Engine {
  return processState("engine", createEngine);
}

function createEngine(): Engine {
  const keyPrefix = env.REDIS_KEY_PREFIX;
  if (env.REDIS_CLUSTER_NODES) return createRedisClusterEngine({ nodes: env.REDIS_CLUSTER_NODES, keyPrefix });
  if (env.REDIS_URL) return createRedisEngine({ url: env.REDIS_URL, keyPrefix });
  if (env.UPSTASH_REDIS_REST_URL && env.UPSTASH_REDIS_REST_TOKEN) {
    return createUpstashEngine({ url: env.UPSTASH_REDIS_REST_URL, token: env.UPSTASH_REDIS_REST_TOKEN, keyPrefix });
  }
  return createMemoryEngine();
}
