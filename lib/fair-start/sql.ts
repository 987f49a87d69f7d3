import type pg from "pg";
import type { Prisma } from "@/lib/generated/prisma/client";

/**
 * A statement runner, so the draw's steps run alike inside a pg transaction (the draw) and a
 * Prisma transaction (a top-up, a failed issue: the waitlist steps join the caller's own).
 */
export interface Sql {
  rows<T>(text: string, params?: unknown[]): Promise<T[]>;
}

export const pgSql = (client: pg.ClientBase): Sql => ({
  rows: async <T>(text: string, params: unknown[] = []) => (await client.query(text, params)).rows as T[],
});

export const prismaSql = (tx: Prisma.TransactionClient): Sql => ({
  rows: <T>(text: string, params: unknown[] = []) => tx.$queryRawUnsafe<T[]>(text, ...params),
});
