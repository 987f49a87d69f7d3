// `npm run db:migrate`: creates the database named in DATABASE_URL if it is missing (Prisma's
// adapter path does not), then applies the committed migrations with `prisma migrate deploy`.
// Also used by the test setup and by the zero-service local run.
import { execFile } from "node:child_process";
import { readdirSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { loadEnvConfig } from "@next/env";
import pg from "pg";

const MIGRATIONS_DIR = path.join(process.cwd(), "prisma", "migrations");

export async function createDatabaseIfMissing(url: string): Promise<void> {
  const name = decodeURIComponent(new URL(url).pathname.slice(1));
  const maintenance = new URL(url);
  maintenance.pathname = "/postgres";
  const client = new pg.Client({ connectionString: maintenance.toString() });
  await client.connect();
  try {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (!rowCount) await client.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`);
  } catch (error) {
    // Another process may have created it in between.
    if ((error as { code?: string }).code !== "42P04") throw error;
  } finally {
    await client.end();
  }
}

/**
 * Names of committed migrations the database has not finished. Lets a start skip the Prisma CLI
 * (about 12 s even with nothing to do) when the schema is current.
 */
export async function pendingMigrations(url: string): Promise<string[]> {
  const committed = readdirSync(MIGRATIONS_DIR, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ migration_name: string }>(
      `SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
    );
    const applied = new Set(rows.map((r) => r.migration_name));
    return committed.filter((name) => !applied.has(name));
  } catch (error) {
    if ((error as { code?: string }).code === "42P01") return committed; // no migrations table yet
    throw error;
  } finally {
    await client.end();
  }
}

/**
 * `prisma migrate deploy` in a child process (asynchronously: the embedded database answers from
 * this very process). With `quiet`, its output is shown only when it fails.
 */
export async function applyMigrations(url: string, { quiet = false } = {}): Promise<void> {
  if ((await pendingMigrations(url)).length === 0) return;
  try {
    const { stdout } = await promisify(execFile)("npx", ["prisma", "migrate", "deploy"], {
      env: { ...process.env, DATABASE_URL: url, CHECKPOINT_DISABLE: "1", PRISMA_HIDE_UPDATE_MESSAGE: "1" },
    });
    if (!quiet) process.stdout.write(stdout);
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: string; stderr?: string };
    console.error(`${stdout ?? ""}${stderr ?? ""}`);
    throw new Error("prisma migrate deploy failed (output above)");
  }
}

async function main() {
  loadEnvConfig(process.cwd());
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("Set DATABASE_URL to the PostgreSQL database to migrate.");
  await createDatabaseIfMissing(url);
  await applyMigrations(url);
  console.log("Migrations are up to date.");
}

if (process.argv[1]?.endsWith("migrate.ts")) {
  main().catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
