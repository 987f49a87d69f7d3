import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { env } from "@/lib/env";
import { PrismaClient } from "@/lib/generated/prisma/client";

export type Db = PrismaClient;

// One client per process, kept on globalThis so Next's dev reloads and the route handlers of
// one server share a single connection pool.
const cache = globalThis as unknown as { couponDb?: PrismaClient };

export function getDb(): PrismaClient {
  if (!cache.couponDb) {
    if (!env.DATABASE_URL) throw new Error("DATABASE_URL is not set");
    const adapter = new PrismaPg({ connectionString: env.DATABASE_URL, max: env.DATABASE_POOL_SIZE });
    // With a one-connection pool every transaction waits for the one before it: wait longer.
    const transactionOptions = env.DATABASE_POOL_SIZE === 1 ? { maxWait: 15_000, timeout: 15_000 } : undefined;
    cache.couponDb = new PrismaClient({ adapter, transactionOptions });
  }
  return cache.couponDb;
}

/** Postgres reports a unique violation as SQLSTATE 23505; Prisma's typed API as P2002. */
export function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; meta?: { code?: string; driverAdapterError?: { cause?: { kind?: string } } } };
  return (
    e?.code === "P2002" || e?.meta?.code === "23505" || e?.meta?.driverAdapterError?.cause?.kind === "UniqueConstraintViolation"
  );
}
