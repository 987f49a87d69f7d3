import { afterAll, inject } from "vitest";
import { getDb, getPool } from "@/lib/db";
import { createRedisEngine } from "@/lib/engine/redis";
import { changeFeedContract } from "@/tests/support/change-feed-contract";
import { engineContract, realTime } from "@/tests/support/engine-contract";
import { fairStartContract } from "@/tests/support/fair-start-contract";

const engine = createRedisEngine({ url: inject("redisUrl"), keyPrefix: inject("keyPrefix") });
afterAll(() => engine.close());
engineContract(engine, realTime);

// Two instances of one deployment (two server processes), and one of another deployment.
const feedEngines = [inject("keyPrefix"), inject("keyPrefix"), `${inject("keyPrefix")}other:`].map((keyPrefix) =>
  createRedisEngine({ url: inject("redisUrl"), keyPrefix }),
);
afterAll(() => Promise.all(feedEngines.map((e) => e.close())));
changeFeedContract("redis", () => ({ publisher: feedEngines[0], subscriber: feedEngines[1], foreign: feedEngines[2] }));

// Last in the file: the draw's change notices must not reach the change-feed contract's listeners.
fairStartContract("redis", () => ({ db: getDb(), pool: getPool(), engine }));
