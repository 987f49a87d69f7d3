import "server-only";
import type { NextRequest } from "next/server";
import { env } from "@/lib/env";
import { DomainError } from "@/lib/errors/domain-error";
import type { StockEngine } from "@/lib/stock/engine";

/**
 * The client's address: the first X-Forwarded-For entry, as set by the proxy in front of the
 * app (Next's own server sets it too). Behind no proxy a client could forge it; the per-user
 * limit still holds then.
 */
export function clientIp(req: NextRequest): string {
  return req.headers.get("x-forwarded-for")?.split(",")[0]?.trim() || req.headers.get("x-real-ip") || "unknown";
}

/** Per-user and per-IP sliding windows in the stock engine, checked together in one round trip's time. */
export async function assertWithinRateLimits(stock: StockEngine, who: { userId: string; ip: string }): Promise<void> {
  if (env.RATE_LIMIT === "off") return;
  const now = Date.now();
  const waits = await Promise.all([
    stock.hit(`user:${who.userId}`, env.RATE_LIMIT_USER.limit, env.RATE_LIMIT_USER.windowMs, now),
    stock.hit(`ip:${who.ip}`, env.RATE_LIMIT_IP.limit, env.RATE_LIMIT_IP.windowMs, now),
  ]);
  const waitMs = Math.max(...waits);
  if (waitMs > 0) {
    throw new DomainError("RATE_LIMITED", "Too many attempts. Please wait a moment.", {}, waitMs);
  }
}
