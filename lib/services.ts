import "server-only";
import { getDb, type Db } from "@/lib/db";
import { getStockEngine } from "@/lib/stock";
import type { StockEngine } from "@/lib/stock/engine";

/** What the use cases need from the outside world. Tests build their own with other targets. */
export interface Services {
  db: Db;
  stock: StockEngine;
}

export function services(): Services {
  return { db: getDb(), stock: getStockEngine() };
}
