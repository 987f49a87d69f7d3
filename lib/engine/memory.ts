import type { Clock } from "@/lib/cache/lru";
import { changeChannel, createChangeFeed, memoryPubSub } from "./change-feed";
import type { Engine } from "./engine";
import { memoryOutcomeCounters } from "./outcomes/memory";
import { memorySessionStates } from "./session-states/memory";
import { memoryStockStore } from "./stock/memory";
import { memoryThrottles } from "./throttles/memory";
import { memoryOneTimeTokens } from "./tokens/memory";

/**
 * In-process engine for the zero-service local run (one Node process only). Its clock is this
 * process's clock (or a test's), which is then also the app's: there is no other server to
 * disagree. Each facet mirrors the Redis scripts of its folder and passes the same contract
 * tests; every map it holds is bounded.
 */
export function createMemoryEngine({ clock = Date.now }: { clock?: Clock } = {}): Engine {
  const bus = memoryPubSub();
  return {
    name: "memory",
    stock: memoryStockStore(clock),
    throttles: memoryThrottles(clock),
    sessionStates: memorySessionStates(clock),
    outcomes: memoryOutcomeCounters(clock),
    tokens: memoryOneTimeTokens(clock),
    changes: createChangeFeed(bus, changeChannel()),
    ping: async () => true,
    close: async () => bus.close(),
  };
}
