// A private three-node Redis Cluster for tests: local redis-server processes in cluster mode,
// joined with `redis-cli --cluster create`, each in a temporary folder of its own.
import { execFile, spawn, type ChildProcess } from "node:child_process";
import { mkdtemp, mkdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { Redis } from "ioredis";
import { freePort } from "./net";

const run = promisify(execFile);

/** Retries `check` until it returns true; throws the last error (or a timeout) after ~20 s. */
async function waitFor(what: string, check: () => Promise<boolean>): Promise<void> {
  let lastError: unknown;
  for (let i = 0; i < 400; i++) {
    try {
      if (await check()) return;
    } catch (error) {
      lastError = error;
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`Redis Cluster: timed out waiting for ${what}`, { cause: lastError });
}

export interface RedisClusterHandle {
  /** Seed nodes as { host, port }, what the cluster engine takes. */
  nodes: { host: string; port: number }[];
  /** The "host:port" of the node that owns the slot of a key. */
  nodeOf(key: string): Promise<string>;
  stop(): Promise<void>;
}

export async function startRedisCluster(size = 3): Promise<RedisClusterHandle> {
  const root = await mkdtemp(path.join(tmpdir(), "redis-cluster-"));
  const children: ChildProcess[] = [];
  const probes: Redis[] = [];
  const nodes: { host: string; port: number }[] = [];

  const stop = async () => {
    for (const probe of probes) probe.disconnect();
    await Promise.all(
      children.map(
        (child) =>
          new Promise<void>((resolve) => {
            if (child.exitCode !== null || child.signalCode !== null) return resolve();
            child.once("exit", () => resolve());
            child.kill("SIGKILL");
          }),
      ),
    );
    await rm(root, { recursive: true, force: true });
  };

  try {
    for (let i = 0; i < size; i++) {
      const port = await freePort();
      // The bus port is set explicitly: the default (port + 10000) can overflow or be taken.
      const busPort = await freePort();
      const dir = path.join(root, `node-${port}`);
      await mkdir(dir);
      const args = [
        "--port",
        String(port),
        "--bind",
        "127.0.0.1",
        "--cluster-enabled",
        "yes",
        "--cluster-port",
        String(busPort),
        "--cluster-config-file",
        path.join(root, `nodes-${port}.conf`),
        "--save",
        "",
        "--appendonly",
        "no",
        "--dir",
        dir,
      ];
      children.push(spawn("redis-server", args, { stdio: "ignore" }));
      const probe = new Redis(port, "127.0.0.1", { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
      probe.on("error", () => {});
      probes.push(probe);
      nodes.push({ host: "127.0.0.1", port });
      await waitFor(`node ${port} to start`, async () => {
        if (probe.status !== "ready") await probe.connect();
        return (await probe.ping()) === "PONG";
      });
    }

    const addresses = nodes.map((n) => `${n.host}:${n.port}`);
    await run("redis-cli", ["--cluster", "create", ...addresses, "--cluster-replicas", "0", "--cluster-yes"]);
    // redis-cli returns once the slots are assigned; each node must also see the whole cluster.
    for (const [i, probe] of probes.entries()) {
      await waitFor(`node ${nodes[i].port} to report cluster_state:ok`, async () =>
        String(await probe.call("CLUSTER", "INFO")).includes("cluster_state:ok"),
      );
    }
  } catch (error) {
    await stop();
    throw error;
  }

  const nodeOf = async (key: string) => {
    const slot = Number(await probes[0].call("CLUSTER", "KEYSLOT", key));
    const ranges = (await probes[0].call("CLUSTER", "SLOTS")) as [number, number, [string, number]][];
    const owner = ranges.find(([from, to]) => slot >= from && slot <= to);
    if (!owner) throw new Error(`Redis Cluster: no node owns slot ${slot}`);
    return `${owner[2][0]}:${owner[2][1]}`;
  };

  return { nodes, nodeOf, stop };
}
