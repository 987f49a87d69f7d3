// Starting and stopping the servers under test. Each is one process whose PID we hold, so
// stopping it frees its port (an npx or npm parent would leave the real server running).
import { spawn } from "node:child_process";
import { openSync } from "node:fs";
import { setTimeout as sleep } from "node:timers/promises";

const READY_TIMEOUT_MS = 90_000;
const STOP_GRACE_MS = 10_000;

export { freePort } from "../tests/support/net.ts";

/**
 * The production server (`npm start`: server.ts bundled by `npm run build`, Next behind the
 * claim/stock fast lane). With `cpuProfileDir`, node's own sampling profiler runs and writes a
 * .cpuprofile there when the server exits (it exits cleanly on SIGTERM).
 */
export function startApp({ port, env, logFile, cpuProfileDir, cpuProfileIntervalUs, gcLog }) {
  const profile = cpuProfileDir ? ["--cpu-prof", `--cpu-prof-dir=${cpuProfileDir}`] : [];
  if (cpuProfileDir && cpuProfileIntervalUs) profile.push(`--cpu-prof-interval=${cpuProfileIntervalUs}`);
  // With gcLog, every collection is written to the log as it happens (bench/gc-observer.mjs).
  const gc = gcLog ? ["--import", new URL("./gc-observer.mjs", import.meta.url).href] : [];
  const args = [...profile, ...gc, ".next/production-server.cjs"];
  return launch("app", process.execPath, args, { ...serverEnv(), ...env, PORT: String(port), HOSTNAME: "127.0.0.1" }, logFile);
}

const FLOOR_SCRIPTS = { "bare-floor": "bench/baseline-server.mjs", "durable-floor": "bench/durable-floor-server.mjs" };

/** A floor server ("bare-floor" or "durable-floor"); `env` gives its REDIS_URL, DATABASE_URL, etc. */
export function startFloor(name, { port, env, logFile }) {
  const fullEnv = { ...serverEnv(), NODE_ENV: "production", ...env, PORT: String(port) };
  return launch(name, process.execPath, ["--import", "tsx", FLOOR_SCRIPTS[name]], fullEnv, logFile);
}

/** The caller's environment minus anything that would pick another engine or port. */
function serverEnv() {
  const env = { ...process.env };
  for (const name of ["PORT", "REDIS_CLUSTER_NODES", "UPSTASH_REDIS_REST_URL", "UPSTASH_REDIS_REST_TOKEN", "NODE_OPTIONS"]) {
    delete env[name];
  }
  return env;
}

function launch(name, command, args, env, logFile) {
  const log = openSync(logFile, "a");
  const child = spawn(command, args, { env, stdio: ["ignore", log, log] });
  const exited = new Promise((resolve) => child.once("exit", (code, signal) => resolve({ code, signal, at: Date.now() })));
  return { name, child, exited, logFile };
}

/** Polls `url` until it answers 200; fails if the process exits or the time runs out. */
export async function waitUntilReady(server, url) {
  let exitedEarly = false;
  server.exited.then(() => (exitedEarly = true));
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline && !exitedEarly) {
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2_000) });
      await res.arrayBuffer();
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await sleep(250);
  }
  throw new Error(`${server.name} server did not become ready at ${url} (log: ${server.logFile})`);
}

/** SIGTERM, then SIGKILL if it has not exited within the grace period. */
export async function stopServer(server) {
  if (server.child.exitCode !== null || server.child.signalCode !== null) return;
  server.child.kill("SIGTERM");
  const stopped = await Promise.race([server.exited.then(() => true), sleep(STOP_GRACE_MS).then(() => false)]);
  if (!stopped) {
    server.child.kill("SIGKILL");
    await server.exited;
  }
}
