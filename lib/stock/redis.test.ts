import { inject } from "vitest";
import { stockEngineContract } from "./contract";
import { createRedisEngine } from "./redis";

stockEngineContract(() => createRedisEngine({ url: inject("redisUrl"), keyPrefix: inject("keyPrefix") }));
