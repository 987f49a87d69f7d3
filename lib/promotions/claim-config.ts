import { boundedCache } from "@/lib/cache/lru";
import type { Db } from "@/lib/db";
import { processState } from "@/lib/process-state";

/** What the claim path needs to know about a promotion besides its stock. */
export interface ClaimConfig {
  totalStock: number;
  issuer: { type: "BUILTIN" } | { type: "HTTP"; url: string; secret: string };
  validator: { url: string; timeoutMs: number } | null;
  /** A fair-start promotion: claims wait for its draw (lib/fair-start/claim-gate.ts). */
  fairStart: boolean;
}

const DEFAULT_VALIDATOR_TIMEOUT_MS = 1_000;
// Far more promotions than any deployment runs at once: a scan of random ids evicts only ids
// nobody asked for lately, never the promotion a crowd is hitting.
// One per process (lib/process-state.ts), so an admin change forgets it for every copy.
const cache = processState("promotions/claim-config", () =>
  boundedCache<string, Promise<ClaimConfig | null>>({ max: 10_000, ttlMs: 1_000 }),
);

/**
 * The promotion's issuer and validator settings, cached in this process for one second so a
 * flash crowd costs one database query per second, not one per request; concurrent misses share
 * one query. Admin changes reach every instance within that second. Null: no such promotion,
 * remembered for the same second, so an unknown id costs one primary-key query per second too.
 */
export function getClaimConfig(db: Db, promotionId: string): Promise<ClaimConfig | null> {
  const hit = cache.get(promotionId);
  if (hit) return hit;
  const value = load(db, promotionId);
  cache.set(promotionId, value);
  // A failed read is not remembered (unless a newer read replaced it meanwhile).
  value.catch(() => {
    if (cache.get(promotionId) === value) cache.delete(promotionId);
  });
  return value;
}

/** Whether the promotion exists, answered from the same one-second cache. */
export async function promotionExists(db: Db, promotionId: string): Promise<boolean> {
  return (await getClaimConfig(db, promotionId)) !== null;
}

export function forgetClaimConfig(promotionId: string): void {
  cache.delete(promotionId);
}

/** Entries held and the bound (for tests: memory stays flat under random ids). */
export const claimConfigCache = { size: () => cache.size, max: cache.max };

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
      fairStartWindowSeconds: true,
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
    fairStart: p.fairStartWindowSeconds !== null,
  };
}
