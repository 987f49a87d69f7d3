import { changeChannel, createChangeFeed, type PubSubTransport } from "./change-feed";
import type { Engine, EngineName } from "./engine";
import { redisOutcomeCounters } from "./outcomes/redis";
import { redisSessionStates } from "./session-states/redis";
import { redisStockStore } from "./stock/redis";
import { redisThrottles } from "./throttles/redis";
import { redisOneTimeTokens } from "./tokens/redis";
import { scriptRunner, type ScriptTransport } from "./transport/script";

/**
 * An engine on a Redis server (ioredis over TCP, single node or Cluster, or Upstash over REST):
 * every facet runs its declared scripts over the one transport. Time is Redis's own (TIME in the
 * scripts, key expiry on the server), so these engines take no clock.
 */
export function createScriptedEngine(
  name: EngineName,
  transport: ScriptTransport & { pubsub?: PubSubTransport },
  keyPrefix = "",
): Engine {
  const run = scriptRunner(transport);
  return {
    name,
    stock: redisStockStore(run, keyPrefix),
    throttles: redisThrottles(run, keyPrefix),
    sessionStates: redisSessionStates(run, keyPrefix),
    outcomes: redisOutcomeCounters(run, keyPrefix),
    tokens: redisOneTimeTokens(run, keyPrefix),
    changes: transport.pubsub ? createChangeFeed(transport.pubsub, changeChannel(keyPrefix)) : null,
    ping: () => transport.ping(),
    close: async () => {
      await Promise.all([transport.close(), transport.pubsub?.close()]);
    },
  };
}
