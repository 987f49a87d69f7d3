import { Cluster, Redis, type ClusterNode } from "ioredis";
import type { Engine } from "./engine";
import { createScriptedEngine } from "./scripted-engine";
import { CONNECTION_OPTIONS, ioredisTransport } from "./transport/ioredis";
import { upstashTransport } from "./transport/upstash";

// Auto-pipelining: every command issued in the same turn of the event loop goes out in one write.
// A new person's claim sends two (the session-state read and the claim script, lib/claims/claim.ts),
// and a burst sends them for a hundred people at once: in the profile of a cold burst, one socket
// write per command was the largest single cost of the session check (bench/RESULTS.md). The
// bench floors build their engine here too, so they get the same client.
const PIPELINED = { ...CONNECTION_OPTIONS, enableAutoPipelining: true };

/** Engine over one Redis server (TCP). */
export function createRedisEngine(options: { url: string; keyPrefix?: string }): Engine {
  return createScriptedEngine("redis", ioredisTransport(new Redis(options.url, PIPELINED)), options.keyPrefix);
}

/**
 * Engine over a Redis Cluster. Every script touches the keys of one hash tag only (a promotion,
 * an account, a throttle subject), so each call goes to the one node that owns that slot.
 */
export function createRedisClusterEngine(options: { nodes: ClusterNode[]; keyPrefix?: string }): Engine {
  const cluster = new Cluster(options.nodes, {
    redisOptions: CONNECTION_OPTIONS,
    slotsRefreshTimeout: 2_000,
    enableAutoPipelining: true,
  });
  // While the cluster client reconnects it queues commands without a time limit (commandTimeout
  // only starts once a command is written to a node). Starting each command's timer when it is
  // issued bounds the whole wait, as maxRetriesPerRequest does for a single server.
  const send = cluster.sendCommand.bind(cluster);
  cluster.sendCommand = (command, stream, node) => {
    command.setTimeout(CONNECTION_OPTIONS.commandTimeout);
    return send(command, stream, node);
  };
  return createScriptedEngine("redis-cluster", ioredisTransport(cluster), options.keyPrefix);
}

/**
 * Engine over Upstash's REST API, for serverless deployments: the same Lua scripts as the TCP
 * engine, one HTTP request per call; no change feed (REST has no long-lived connection).
 */
export function createUpstashEngine(options: { url: string; token: string; keyPrefix?: string; timeoutMs?: number }): Engine {
  return createScriptedEngine("upstash", upstashTransport(options), options.keyPrefix);
}
