// Issue #21's coupon terms on the embedded default, as `npm run dev` runs with no DATABASE_URL and
// no REDIS_URL: PGlite (PostgreSQL in wasm, one connection) with the committed migrations, and the
// in-process memory engine. The same contract as on PostgreSQL and Redis (terms.test.ts).
import { rmSync } from "node:fs";
import { afterAll, expect, it, vi } from "vitest";
import { getPool } from "@/lib/db";
import { getEngine } from "@/lib/engine";
import { termsContract } from "@/tests/support/terms-contract";

// Before lib/env.ts is first imported (hoisted above the imports): this file's own database.
const tempDir = await vi.hoisted(async () => {
  const { mkdtempSync } = await import("node:fs");
  const { tmpdir } = await import("node:os");
  const path = await import("node:path");
  const { startEmbeddedPostgres } = await import("@/lib/local/embedded-postgres");
  const { applyMigrations } = await import("../../prisma/migrate");
  const dir = mkdtempSync(path.join(tmpdir(), "terms-pglite-"));
  const url = await startEmbeddedPostgres(path.join(dir, "pglite"));
  await applyMigrations(url, { quiet: true });
  process.env.DATABASE_URL = url;
  process.env.DATABASE_POOL_SIZE = "1";
  delete process.env.REDIS_URL;
  return dir;
});

afterAll(() => rmSync(tempDir, { recursive: true, force: true }));

it("runs on PGlite and the memory engine", async () => {
  const { rows } = await getPool().query<{ version: string }>("SELECT version()");
  expect(rows[0].version).toMatch(/emscripten|wasm/i);
  expect(getEngine().name).toBe("memory");
});

termsContract("the embedded default (PGlite and the memory engine)");
