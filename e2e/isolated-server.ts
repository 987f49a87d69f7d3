// A production server of one spec's own (the same build and environment as the suite's server),
// on a database and Redis key prefix of its own: for a spec that counts rows, which the other
// specs, running in parallel on the shared database, would change under it.
import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { expect } from "@playwright/test";
import { appServerEnv } from "../playwright.config";
import { dropDatabase } from "../tests/support/cleanup";
import { freePort } from "../tests/support/net";

export interface IsolatedServer {
  url: string;
  /** Every instance's URL (the first is `url`): more instances share the database and Redis prefix. */
  urls: string[];
  databaseUrl: string;
  stop(): Promise<void>;
}

export async function startIsolatedServer(name: string, { instances = 1 } = {}): Promise<IsolatedServer> {
  const ports: number[] = [];
  while (ports.length < instances) {
    const p = await freePort();
    if (!ports.includes(p)) ports.push(p);
  }
  const urls = ports.map((port) => `http://127.0.0.1:${port}`);
  const [port] = ports;
  const url = urls[0];
  const database = new URL(appServerEnv.DATABASE_URL);
  database.pathname += `_${name}`;
  const databaseUrl = database.toString();
  const env = {
    ...process.env,
    ...appServerEnv,
    PORT: String(port),
    DATABASE_URL: databaseUrl,
    // Under the run's prefix, so the global teardown removes these keys too.
    REDIS_KEY_PREFIX: `${appServerEnv.REDIS_KEY_PREFIX}${name}:`,
    NEXTAUTH_URL: url,
    ISSUING_WORKER: "off",
  };
  await run("npm", ["run", "db:migrate"], env);
  await run("npm", ["run", "db:seed"], env);
  const servers = ports.map((p) =>
    spawn(process.execPath, [".next/production-server.cjs"], { env: { ...env, PORT: String(p) }, stdio: "ignore" }),
  );
  const stop = async () => {
    await Promise.all(
      servers.map(async (server) => {
        if (server.exitCode !== null) return;
        server.kill("SIGTERM");
        await once(server, "exit");
      }),
    );
    await dropDatabase(databaseUrl);
  };
  try {
    for (const u of urls) {
      const health = () =>
        fetch(`${u}/api/health`).then(
          (r) => r.status,
          () => 0,
        );
      await expect.poll(health, { timeout: 60_000 }).toBe(200);
    }
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, urls, databaseUrl, stop };
}

async function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  const child: ChildProcess = spawn(command, args, { env, stdio: "ignore" });
  const [code] = (await once(child, "exit")) as [number | null];
  if (code !== 0) throw new Error(`${command} ${args.join(" ")} exited with ${code}`);
}
