import { singleFlightPer } from "@/lib/cache/single-flight";
import type { StockStore } from "@/lib/engine/stock/store";
import { unavailable } from "@/lib/errors/domain-error";
import { claimMetrics } from "@/lib/metrics/prometheus";
import { storedSnapshot } from "@/lib/promotions/view";
import type { Services } from "@/lib/services";

const LOCK_TTL_MS = 10_000;
const FIRST_WAIT_MS = 25;
const MAX_WAIT_STEP_MS = 250;
const WAIT_LIMIT_MS = 5_000;

// Claims in this process waiting for the same promotion to be loaded share one wait, so a
// flash crowd arriving at a cold cache polls the engine once, not once per request.
const pendingLoads = singleFlightPer<StockStore, string, boolean>("promotions/rebuild:loads");

/**
 * Makes the stock engine hold what PostgreSQL says about one promotion.
 * Redis is a cache of the truth: after a restart, FLUSHALL or eviction the claim script
 * answers MISSING and the keys are rebuilt here, by one instance at a time (a short lock);
 * the others wait for the keys to appear. Admin changes call it with `force` to reload.
 * Returns false when the promotion does not exist.
 *
 * A claim that won in Redis just before a rebuild but is not yet committed can leave Redis one
 * stock too generous; the database's own guard (claimedCount < totalStock) then refuses the
 * extra winner, so counts stay exact.
 */
export function rebuildPromotion(services: Services, promotionId: string, force = false): Promise<boolean> {
  // A forced reload follows a change just written to the database: it must read after it, so it
  // never joins a load that may have started before.
  if (force) return rebuild(services, promotionId, true);
  return pendingLoads(services.engine.stock, promotionId, () => rebuild(services, promotionId, false));
}

async function rebuild(services: Services, promotionId: string, force: boolean): Promise<boolean> {
  const { stock } = services.engine;
  const deadline = Date.now() + WAIT_LIMIT_MS;
  for (let wait = FIRST_WAIT_MS; Date.now() < deadline; wait = Math.min(wait * 2, MAX_WAIT_STEP_MS)) {
    const unlock = await stock.tryLock(promotionId, LOCK_TTL_MS);
    if (unlock) {
      try {
        if (!force && (await stock.snapshot(promotionId))) return true;
        return await loadFromDatabase(services, promotionId);
      } finally {
        await unlock();
      }
    }
    await new Promise((resolve) => setTimeout(resolve, wait));
    if (!force && (await stock.snapshot(promotionId))) return true;
  }
  throw unavailable("Stock is being rebuilt. Please retry.");
}

interface StoredPromotion {
  startsAt: Date;
  endsAt: Date;
  paused: boolean;
  published: boolean;
  totalStock: number;
  claimedCount: number;
  winners: string[];
}

/**
 * The promotion and its winners read in ONE statement, so from one snapshot of the database: a
 * claim that fails (and gives its coupon back) between two separate reads cannot leave the
 * engine with a stock that already counts it as returned while its user is still a winner, or
 * the other way round.
 */
async function loadFromDatabase({ db, engine: { stock } }: Services, promotionId: string): Promise<boolean> {
  const [promotion] = await db.$queryRaw<StoredPromotion[]>`
    SELECT p."startsAt", p."endsAt", p.paused, p.published, p."totalStock", p."claimedCount",
      COALESCE(array_agg(c."userId") FILTER (WHERE c.id IS NOT NULL), '{}') AS winners
    FROM "Promotion" p
    LEFT JOIN "Claim" c ON c."promotionId" = p.id AND c.status IN ('PENDING', 'ISSUED')
    WHERE p.id = ${promotionId}
    GROUP BY p.id`;
  if (!promotion) {
    await stock.drop(promotionId);
    return false;
  }
  await stock.load(promotionId, storedSnapshot(promotion), promotion.winners);
  claimMetrics().rebuilds.inc();
  return true;
}
