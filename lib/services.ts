import "server-only";
import type pg from "pg";
import { getDb, getPool, type Db } from "@/lib/db";
import { getStockEngine } from "@/lib/stock";
import type { StockEngine } from "@/lib/stock/engine";

/** What the use cases need from the outside world. Tests build their own with other targets. */
export interface Services {
  db: Db;
  /** The pool under db: the claim's group-committed insert uses it directly. */
  pool: pg.Pool;
  stock: StockEngine;
}

export function services(): Services {
  return { db: getDb(), pool: getPool(), stock: getStockEngine() };
}
