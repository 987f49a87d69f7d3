import { Command, type Cluster, type Redis } from "ioredis";
import type { PubSubTransport } from "../change-feed";
import type { ScriptTransport } from "./script";

// Short timeouts so a Redis outage becomes a quick 503, not a hung request.
export const CONNECTION_OPTIONS = { connectTimeout: 2_000, commandTimeout: 2_000, maxRetriesPerRequest: 2 };

/** ioredis (one server or a Cluster) as a script transport, with Redis pub/sub for the change feed. */
export function ioredisTransport(redis: Redis | Cluster): ScriptTransport & { pubsub: PubSubTransport } {
  // Errors surface on the commands that fail; without a listener ioredis would also print each one.
  redis.on("error", () => {});
  return {
    evalsha: (sha, keys, args, options) =>
      options?.alone
        ? sendAlone(redis, "evalsha", [sha, keys.length, ...keys, ...args])
        : redis.evalsha(sha, keys.length, ...keys, ...args),
    eval: (lua, keys, args) => redis.eval(lua, keys.length, ...keys, ...args),
    ping: async () => (await redis.ping()) === "PONG",
    close: async () => redis.disconnect(),
    pubsub: ioredisPubSub(redis),
  };
}

/**
 * A command sent straight to the connection: ioredis auto-pipelines only the commands called by
 * name (`redis.evalsha(...)`), never one given to sendCommand. Replies decoded as its named
 * commands decode them (utf8).
 */
function sendAlone(redis: Redis | Cluster, name: string, args: (string | number)[]): Promise<unknown> {
  const command = new Command(name, args, { replyEncoding: "utf8" });
  void redis.sendCommand(command);
  return command.promise as Promise<unknown>;
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
