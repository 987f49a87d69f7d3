import "server-only";
import type pg from "pg";
import { getDb, getPool, type Db } from "@/lib/db";
import { getEngine } from "@/lib/engine";
import type { Engine } from "@/lib/engine/engine";

/** What the use cases need from the outside world. Tests build their own with other targets. */
export interface Services {
  db: Db;
  /** The pool under db: the claim's group-committed insert uses it directly. */
  pool: pg.Pool;
  /** Stock, throttles, session states, outcome figures, one-time tokens, change feed. */
  engine: Engine;
}

export function services(): Services {
  return { db: getDb(), pool: getPool(), engine: getEngine() };
}
