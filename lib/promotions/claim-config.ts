import type { Db } from "@/lib/db";

/** What the claim path needs to know about a promotion besides its stock. */
export interface ClaimConfig {
  totalStock: number;
  issuer: { type: "BUILTIN" } | { type: "HTTP"; url: string; secret: string };
  validator: { url: string; timeoutMs: number } | null;
}

const TTL_MS = 1_000;
const DEFAULT_VALIDATOR_TIMEOUT_MS = 1_000;
const cache = new Map<string, { value: Promise<ClaimConfig | null>; expiresAt: number }>();

/**
 * The promotion's issuer and validator settings, cached in this process for one second so a
 * flash crowd costs one database query per second, not one per request; concurrent misses share
 * one query. Admin changes reach every instance within that second. Null: no such promotion.
 */
export function getClaimConfig(db: Db, promotionId: string): Promise<ClaimConfig | null> {
  const now = Date.now();
  const hit = cache.get(promotionId);
  if (hit && hit.expiresAt > now) return hit.value;
  const value = load(db, promotionId);
  cache.set(promotionId, { value, expiresAt: now + TTL_MS });
  value.catch(() => cache.delete(promotionId));
  return value;
}

export function forgetClaimConfig(promotionId: string): void {
  cache.delete(promotionId);
}

async function load(db: Db, promotionId: string): Promise<ClaimConfig | null> {
  const p = await db.promotion.findUnique({
    where: { id: promotionId },
    select: {
      totalStock: true,
      issuerType: true,
      issuerUrl: true,
      issuerSecret: true,
      validatorUrl: true,
      validatorTimeoutMs: true,
    },
  });
  if (!p) return null;
  return {
    totalStock: p.totalStock,
    issuer:
      p.issuerType === "HTTP" && p.issuerUrl && p.issuerSecret
        ? { type: "HTTP", url: p.issuerUrl, secret: p.issuerSecret }
        : { type: "BUILTIN" },
    validator: p.validatorUrl ? { url: p.validatorUrl, timeoutMs: p.validatorTimeoutMs ?? DEFAULT_VALIDATOR_TIMEOUT_MS } : null,
  };
}
