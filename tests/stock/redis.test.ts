import { afterAll, inject } from "vitest";
import { createRedisEngine } from "@/lib/engine/redis";
import { changeFeedContract } from "@/tests/support/change-feed-contract";
import { engineContract, realTime } from "@/tests/support/engine-contract";

const engine = createRedisEngine({ url: inject("redisUrl"), keyPrefix: inject("keyPrefix") });
afterAll(() => engine.close());
engineContract(engine, realTime);

// Two instances of one deployment (two server processes), and one of another deployment.
const feedEngines = [inject("keyPrefix"), inject("keyPrefix"), `${inject("keyPrefix")}other:`].map((keyPrefix) =>
  createRedisEngine({ url: inject("redisUrl"), keyPrefix }),
);
afterAll(() => Promise.all(feedEngines.map((e) => e.close())));
changeFeedContract("redis", () => ({ publisher: feedEngines[0], subscriber: feedEngines[1], foreign: feedEngines[2] }));
