import { inject } from "vitest";
import { createRedisEngine } from "@/lib/stock/redis";
import { stockEngineContract } from "@/tests/support/stock-contract";

stockEngineContract(() => createRedisEngine({ url: inject("redisUrl"), keyPrefix: inject("keyPrefix") }));
