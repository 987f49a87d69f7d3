import "server-only";
import { getDb } from "@/lib/db";
import { getEngine } from "@/lib/engine";
import packageJson from "@/package.json";

const TIMEOUT_MS = 2_000;

async function probe(check: () => Promise<unknown>): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), TIMEOUT_MS)));
  try {
    return await Promise.race([check().then(() => true), timeout]);
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}

/** Liveness of both dependencies, each bounded by a timeout so the probe itself never hangs. */
export async function checkHealth() {
  const engine = getEngine();
  const [db, stockOk] = await Promise.all([
    probe(() => getDb().$queryRaw`SELECT 1`),
    probe(async () => {
      if (!(await engine.ping())) throw new Error("no PONG");
    }),
  ]);
  return {
    status: db && stockOk ? "ok" : "degraded",
    db: db ? "ok" : "down",
    stock: { engine: engine.name, ok: stockOk },
    version: packageJson.version,
  };
}
