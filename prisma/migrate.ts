// `npm run db:migrate`: creates the database named in DATABASE_URL if it is missing (Prisma's
// adapter path does not), then applies the committed migrations.
import { execFileSync } from "node:child_process";
import { loadEnvConfig } from "@next/env";
import pg from "pg";

export async function createDatabaseIfMissing(url: string): Promise<void> {
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.slice(1));
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

/** `prisma migrate deploy`; with `quiet`, its output is shown only when it fails. */
export function applyMigrations(url: string, { quiet = false } = {}): void {
  try {
    execFileSync("npx", ["prisma", "migrate", "deploy"], {
      stdio: quiet ? "pipe" : "inherit",
      env: { ...process.env, DATABASE_URL: url, CHECKPOINT_DISABLE: "1", PRISMA_HIDE_UPDATE_MESSAGE: "1" },
    });
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: Buffer; stderr?: Buffer };
    if (quiet) console.error(`${stdout ?? ""}${stderr ?? ""}`);
    throw error;
  }
}

async function main() {
  loadEnvConfig(process.cwd());
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("Set DATABASE_URL to the PostgreSQL database to migrate.");
  await createDatabaseIfMissing(url);
  applyMigrations(url);
}

if (process.argv[1]?.endsWith("migrate.ts")) {
  main().catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
