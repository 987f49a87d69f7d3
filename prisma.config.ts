// Prisma CLI configuration. Prisma 6.19 runs migrations offline only through its bundled wasm
// schema engine with a driver adapter; every workaround that path needs lives in this file.
// New migrations are written with `npm run db:diff` (migrate diff needs no shadow database,
// whose adapter-pg handling is broken in 6.19).
import { loadEnvConfig } from "@next/env";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { defineConfig } from "prisma/config";

// prisma.config.ts turns off Prisma's own .env loading; use the same loader as Next.
loadEnvConfig(process.cwd());

// Upstream prisma/orm#27403: the wasm schema engine's catalog queries return the Postgres
// types `name` (OID 19) and `"char"` (OID 18), which adapter-pg 6.19 refuses to deserialize.
// Report them as text (OID 25). This runs in the CLI process only; the app never loads this file.
const TEXT_OID = 25;
const CATALOG_TEXT_OIDS = new Set([18, 19]);
// pg's Result.addFields is internal and untyped; it receives every row description.
const resultProto = pg.Result.prototype as unknown as { addFields: (this: pg.Result, fields: pg.FieldDef[]) => void };
const addFields = resultProto.addFields;
resultProto.addFields = function (fields) {
  for (const field of fields) {
    if (CATALOG_TEXT_OIDS.has(field.dataTypeID)) field.dataTypeID = TEXT_OID;
  }
  return addFields.call(this, fields);
};

// `prisma generate` needs no database, but without DATABASE_URL the 6.19 CLI falls back to the
// native engine and tries to download it. Give generate (run by postinstall) a placeholder.
if (process.argv.includes("generate")) process.env.DATABASE_URL ??= "postgresql://placeholder@127.0.0.1:1/unused";

export default defineConfig({
  schema: "prisma/schema.prisma",
  experimental: { adapter: true },
  engine: "js",
  async adapter() {
    const url = process.env.DATABASE_URL;
    // Without DATABASE_URL the CLI falls back to the native engine and tries to download it.
    if (!url) throw new Error("DATABASE_URL must be set for Prisma CLI commands (see README).");
    return new PrismaPg({ connectionString: url });
  },
});
