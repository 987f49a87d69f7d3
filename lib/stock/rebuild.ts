import { ApiError } from "@/lib/http/errors";
import type { Services } from "@/lib/services";
import type { StockEngine, StockSnapshot } from "./engine";

const LOCK_TTL_MS = 10_000;
const FIRST_WAIT_MS = 25;
const MAX_WAIT_STEP_MS = 250;
const WAIT_LIMIT_MS = 5_000;

// Claims in this process waiting for the same promotion to be loaded share one wait, so a
// flash crowd arriving at a cold cache polls the engine once, not once per request.
const pendingLoads = new WeakMap<StockEngine, Map<string, Promise<boolean>>>();

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
  let byPromotion = pendingLoads.get(services.stock);
  if (!byPromotion) pendingLoads.set(services.stock, (byPromotion = new Map()));
  let pending = byPromotion.get(promotionId);
  if (!pending) {
    pending = rebuild(services, promotionId, false).finally(() => byPromotion.delete(promotionId));
    byPromotion.set(promotionId, pending);
  }
  return pending;
}

async function rebuild({ db, stock }: Services, promotionId: string, force: boolean): Promise<boolean> {
  const deadline = Date.now() + WAIT_LIMIT_MS;
  for (let wait = FIRST_WAIT_MS; Date.now() < deadline; wait = Math.min(wait * 2, MAX_WAIT_STEP_MS)) {
    const unlock = await stock.tryLock(promotionId, LOCK_TTL_MS);
    if (unlock) {
      try {
        if (!force && (await stock.snapshot(promotionId))) return true;
        return await loadFromDatabase({ db, stock }, promotionId);
      } finally {
        await unlock();
      }
    }
    await new Promise((resolve) => setTimeout(resolve, wait));
    if (!force && (await stock.snapshot(promotionId))) return true;
  }
  throw new ApiError(503, "UNAVAILABLE", "Stock is being rebuilt. Please retry.", {}, { "Retry-After": "1" });
}

async function loadFromDatabase({ db, stock }: Services, promotionId: string): Promise<boolean> {
  const promotion = await db.promotion.findUnique({ where: { id: promotionId } });
  if (!promotion) {
    await stock.drop(promotionId);
    return false;
  }
  const winners = await db.claim.findMany({
    where: { promotionId, status: { in: ["PENDING", "ISSUED"] } },
    select: { userId: true },
  });
  const snapshot: StockSnapshot = {
    startsAt: promotion.startsAt.getTime(),
    endsAt: promotion.endsAt.getTime(),
    paused: promotion.paused,
    published: promotion.published,
    totalStock: promotion.totalStock,
    remaining: promotion.totalStock - promotion.claimedCount,
  };
  await stock.load(
    promotionId,
    snapshot,
    winners.map((w) => w.userId),
  );
  return true;
}
