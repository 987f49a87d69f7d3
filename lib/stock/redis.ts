import { Cluster, Redis, type ClusterNode } from "ioredis";
import type { PubSubTransport } from "./change-feed";
import type { StockEngine } from "./engine";
import { createScriptEngine, type ScriptTransport } from "./script-engine";

// Short timeouts so a Redis outage becomes a quick 503, not a hung request.
const CONNECTION_OPTIONS = { connectTimeout: 2_000, commandTimeout: 2_000, maxRetriesPerRequest: 2 };

/** Stock engine over one Redis server (TCP). */
export function createRedisEngine(options: { url: string; keyPrefix?: string }): StockEngine {
  return createScriptEngine("redis", ioredisTransport(new Redis(options.url, CONNECTION_OPTIONS)), options.keyPrefix);
}

/**
 * Stock engine over a Redis Cluster. Every script touches the keys of one promotion only, and
 * those share the hash tag {id}, so each call goes to the one node that owns that slot.
 */
export function createRedisClusterEngine(options: { nodes: ClusterNode[]; keyPrefix?: string }): StockEngine {
  const cluster = new Cluster(options.nodes, { redisOptions: CONNECTION_OPTIONS, slotsRefreshTimeout: 2_000 });
  // While the cluster client reconnects it queues commands without a time limit (commandTimeout
  // only starts once a command is written to a node). Starting each command's timer when it is
  // issued bounds the whole wait, as maxRetriesPerRequest does for a single server.
  const send = cluster.sendCommand.bind(cluster);
  cluster.sendCommand = (command, stream, node) => {
    command.setTimeout(CONNECTION_OPTIONS.commandTimeout);
    return send(command, stream, node);
  };
  return createScriptEngine("redis-cluster", ioredisTransport(cluster), options.keyPrefix);
}

function ioredisTransport(redis: Redis | Cluster): ScriptTransport {
  // Errors surface on the commands that fail; without a listener ioredis would also print each one.
  redis.on("error", () => {});
  return {
    evalsha: (sha, keys, args) => redis.evalsha(sha, keys.length, ...keys, ...args),
    eval: (lua, keys, args) => redis.eval(lua, keys.length, ...keys, ...args),
    ping: async () => (await redis.ping()) === "PONG",
    close: async () => redis.disconnect(),
    pubsub: ioredisPubSub(redis),
  };
}

/**
 * Publishes on the command connection; listens on a connection of its own (a subscribed Redis
 * connection takes no other commands), opened on first use and shared by the whole process. On a
 * Cluster, PUBLISH reaches every node, so the subscriber may sit on any of them (two notices sent
 * through different nodes may arrive swapped; they are hints, so order does not matter). ioredis
 * subscribes again by itself after a reconnect.
 */
function ioredisPubSub(redis: Redis | Cluster): PubSubTransport {
  let subscriber: Redis | Cluster | null = null;
  const handlers = new Map<string, (message: string) => void>();
  return {
    publish: async (channel, message) => {
      await redis.publish(channel, message);
    },
    async subscribe(channel, onMessage) {
      if (!subscriber) {
        subscriber = redis.duplicate();
        subscriber.on("error", () => {});
        subscriber.on("message", (ch: string, message: string) => handlers.get(ch)?.(message));
      }
      handlers.set(channel, onMessage);
      await subscriber.subscribe(channel);
    },
    close: async () => subscriber?.disconnect(),
  };
}
