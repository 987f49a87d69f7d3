import "server-only";
import { AsyncResource } from "node:async_hooks";
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
    const pool = new pg.Pool({
      connectionString: env.DATABASE_URL,
      max: env.DATABASE_POOL_SIZE,
      Client: clientConnectingIn(new AsyncResource("coupon-drop:db-connection")),
    });
    // An idle connection that dies (database restart) is replaced on the next query; without a
    // listener its error would crash the process.
    pool.on("error", () => {});
    return pool;
  });
}

type ConnectCallback = Parameters<pg.Client["connect"]>[0];

/**
 * A pg client that holds nothing of the request that happened to need a new connection. A
 * connection outlives that request, and held it twice: its socket kept the async context it was
 * opened in (React's request and Next's request store of one page render), and pg's client keeps
 * its connect callback for as long as it lives (the pool's callback, holding the request that
 * waited). Through one held render, every later render linked to it stayed reachable: memory that
 * grew with every page request (docs/architecture.md, "Memory under random ids"). So the socket is
 * opened in `scope` (where the pool was made: start-up, from bootstrap()), and pg gets a callback
 * that lets go of the pool's once it has been called.
 */
function clientConnectingIn(scope: AsyncResource): typeof pg.Client {
  return class extends pg.Client {
    connect(): Promise<pg.Client>;
    connect(callback: ConnectCallback): void;
    connect(callback?: ConnectCallback): Promise<pg.Client> | void {
      if (!callback) return scope.runInAsyncScope(() => super.connect());
      let pending: ConnectCallback | null = callback;
      const callOnce = (...args: unknown[]) => {
        const call = pending as ((...args: unknown[]) => void) | null;
        pending = null;
        call?.(...args);
      };
      scope.runInAsyncScope(() => super.connect(callOnce));
    }
  };
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
