// The zero-service database: PGlite (PostgreSQL compiled to wasm) inside this process, served on a
// loopback port by pglite-socket so Prisma's normal pg adapter and migrate CLI can talk to it.
// PGlite has a single backend, so clients must use one connection each (see lib/db.ts).
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

/**
 * Starts the database and returns its connection URL. There is no stop: on SIGTERM Next stops
 * accepting, finishes in-flight requests and exits; PGlite then recovers from its write-ahead
 * log on the next start, as PostgreSQL does after a crash.
 */
export async function startEmbeddedPostgres(dataDir: string): Promise<string> {
  mkdirSync(dataDir, { recursive: true });
  takeLock(`${dataDir}.lock`);
  const { PGlite } = await import("@electric-sql/pglite");
  const { PGLiteSocketServer } = await import("@electric-sql/pglite-socket");
  const db = await PGlite.create(dataDir);
  const server = new PGLiteSocketServer({ db, host: "127.0.0.1", port: 0, maxConnections: 8 });
  await server.start();
  return `postgresql://postgres@${server.getServerConn()}/postgres?sslmode=disable`;
}

/**
 * Two processes on one PGlite folder would corrupt it; a pid file keeps the second one out.
 * A file left by a process that is gone is taken over.
 */
function takeLock(lockFile: string): void {
  try {
    const pid = Number(readFileSync(lockFile, "utf8"));
    if (pid && pid !== process.pid && isRunning(pid)) {
      throw new Error(
        `The embedded database ${path.dirname(lockFile)} is in use by process ${pid}. ` +
          "Stop it first, or set DATABASE_URL to use a PostgreSQL server.",
      );
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
  writeFileSync(lockFile, String(process.pid));
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
