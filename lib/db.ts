import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { env } from "@/lib/env";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { processState } from "@/lib/process-state";

export type Db = PrismaClient;

// One pool and one client per process (lib/process-state.ts). The claim's hot insert
// (lib/claims/winner-batch.ts) uses the pool directly; everything else goes through Prisma on the
// same pool, so the embedded database, which must see one connection only, still sees one.
export function getPool(): pg.Pool {
  return processState("db:pool", () => {
    if (!env.DATABASE_URL) throw new Error("DATABASE_URL is not set");
    const pool = new pg.Pool({ connectionString: env.DATABASE_URL, max: env.DATABASE_POOL_SIZE });
    // An idle connection that dies (database restart) is replaced on the next query; without a
    // listener its error would crash the process.
    pool.on("error", () => {});
    return pool;
  });
}

export function getDb(): PrismaClient {
  return processState("db:prisma", () => {
    const adapter = new PrismaPg(getPool(), { disposeExternalPool: true });
    // With a one-connection pool every transaction waits for the one before it: wait longer.
    const transactionOptions = env.DATABASE_POOL_SIZE === 1 ? { maxWait: 15_000, timeout: 15_000 } : undefined;
    return new PrismaClient({ adapter, transactionOptions });
  });
}

/** Postgres reports a unique violation as SQLSTATE 23505; Prisma's typed API as P2002. */
export function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; meta?: { code?: string; driverAdapterError?: { cause?: { kind?: string } } } };
  return (
    e?.code === "23505" ||
    e?.code === "P2002" ||
    e?.meta?.code === "23505" ||
    e?.meta?.driverAdapterError?.cause?.kind === "UniqueConstraintViolation"
  );
}
