import { Redis } from "@upstash/redis";
import type { ScriptTransport } from "./script";

/**
 * Upstash's REST API as a script transport: one HTTP request per call (concurrent calls are
 * batched into one pipeline request by the client; each script still runs atomically on its own).
 */
export function upstashTransport(options: { url: string; token: string; timeoutMs?: number }): ScriptTransport {
  const timeoutMs = options.timeoutMs ?? 3_000;
  const redis = new Redis({
    url: options.url,
    token: options.token,
    // Replies stay as Redis sent them ("1" stays a string): the facets decode them.
    automaticDeserialization: false,
    // A lost reply must not resend a script: a refund is not idempotent. A failure becomes a 503.
    retry: false,
    // A fresh timeout per request; a slow request is aborted and its command fails.
    signal: () => AbortSignal.timeout(timeoutMs),
    enableTelemetry: false,
  });
  return {
    evalsha: (sha, keys, args) => redis.evalsha(sha, keys, args),
    eval: (lua, keys, args) => redis.eval(lua, keys, args),
    ping: async () => (await redis.ping()) === "PONG",
    // Nothing to close: each call is a stateless HTTP request. No pub/sub either (REST has no
    // long-lived connection): the admin screens poll on this engine.
    close: async () => {},
  };
}
