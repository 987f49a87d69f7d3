// `node bench/pipelining.mjs`: the client CPU of one script call at a time (as a single flight
// sends it) through ioredis, three ways: a client without auto-pipelining, the engine's
// auto-pipelined client, and that client's sendCommand (lib/engine/transport/ioredis.ts, for
// scripts declared `alone`). Prints one JSON line per way, microseconds of this process's CPU per
// call; REDIS_URL (default redis://127.0.0.1:6379). Found while looking for why the stock read (d)
// got slower (bench/findings.md, "The stock read and auto-pipelining").
import { Command, Redis } from "ioredis";

const URL = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";
const CALLS = 20_000;
const WAYS = ["plain client", "auto-pipelined", "auto-pipelined client, sendCommand"];

async function cpuPerCall(way) {
  const redis = new Redis(URL, { enableAutoPipelining: way !== "plain client" });
  const sha = await redis.script("load", "return redis.call('GET', KEYS[1])");
  const call = way.endsWith("sendCommand")
    ? () => {
        const command = new Command("evalsha", [sha, 1, "bench:pipelining"], { replyEncoding: "utf8" });
        void redis.sendCommand(command);
        return command.promise;
      }
    : () => redis.evalsha(sha, 1, "bench:pipelining");
  for (let i = 0; i < 2_000; i++) await call(); // warm the JIT
  const before = process.cpuUsage();
  for (let i = 0; i < CALLS; i++) await call();
  const used = process.cpuUsage(before);
  redis.disconnect();
  return Math.round(((used.user + used.system) / CALLS) * 10) / 10;
}

for (const round of [1, 2]) {
  for (const way of WAYS) console.log(JSON.stringify({ round, way, cpuMicrosecondsPerCall: await cpuPerCall(way) }));
}
