// A database client whose statements a test can see: what a use case asked PostgreSQL, and how
// much of a table answering it cost (EXPLAIN ANALYZE of the very same statement).
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "@/lib/generated/prisma/client";

export interface Statement {
  text: string;
  values: unknown[];
}

/** A Prisma client on a pool of its own; every statement it sends outside a transaction is recorded. */
export function recordingDb() {
  const statements: Statement[] = [];
  const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 4 });
  const query = pool.query.bind(pool) as (config: unknown, values?: unknown) => Promise<unknown>;
  pool.query = ((config: string | { text: string; values?: unknown[] }, values?: unknown[]) => {
    const text = typeof config === "string" ? config : config.text;
    statements.push({ text, values: values ?? (typeof config === "string" ? [] : (config.values ?? [])) });
    return query(config, values);
  }) as typeof pool.query;
  const db = new PrismaClient({ adapter: new PrismaPg(pool, { disposeExternalPool: true }) });
  return { db, pool, statements };
}

interface PlanNode {
  "Node Type": string;
  "Relation Name"?: string;
  "Actual Rows": number;
  "Actual Loops": number;
  "Rows Removed by Filter"?: number;
  "Rows Removed by Index Recheck"?: number;
  Plans?: PlanNode[];
}

/**
 * Runs the statement under EXPLAIN ANALYZE and sums the rows its scans of `table` read
 * (returned plus filtered away, over every loop), and whether any of them was a full scan.
 */
export async function rowsRead(pool: pg.Pool, { text, values }: Statement, table: string) {
  const { rows } = await pool.query(`EXPLAIN (ANALYZE, FORMAT JSON) ${text}`, values);
  const plan = (rows[0] as { "QUERY PLAN": { Plan: PlanNode }[] })["QUERY PLAN"][0].Plan;
  let read = 0;
  let fullScan = false;
  const visit = (node: PlanNode) => {
    if (node["Relation Name"] === table) {
      const perLoop = node["Actual Rows"] + (node["Rows Removed by Filter"] ?? 0) + (node["Rows Removed by Index Recheck"] ?? 0);
      read += perLoop * node["Actual Loops"];
      if (node["Node Type"] === "Seq Scan") fullScan = true;
    }
    node.Plans?.forEach(visit);
  };
  visit(plan);
  return { read, fullScan };
}
