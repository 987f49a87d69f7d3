import { markChanged } from "@/lib/live/changes";
import { log } from "@/lib/log";
import type { Services } from "@/lib/services";
import { forgetSoldOut } from "./sold-out";

// A win the engine recorded whose claim row never appeared is a phantom: its process died
// between the script and the write, or the script's reply was lost. The claim script keeps every
// win in a reservation set with its time; this sweep confirms the ones whose rows committed and
// releases the rest once they are older than `afterMs`, so the coupon goes back on sale without
// a reload and without waiting for the same person to retry.
//
// A write slower than `afterMs` that commits after its release leaves the engine one coupon too
// generous; the database's stock guard and unique index still refuse anything beyond the truth.

// Promotions that ended this long ago are no longer swept (their reservations expire with them).
const ENDED_GRACE_MS = 60 * 60_000;

/** One pass over the promotions that may hold reservations; returns how many wins it released. */
export async function sweepPhantoms(services: Services, afterMs: number): Promise<number> {
  const now = new Date();
  const promotions = await services.db.promotion.findMany({
    where: { published: true, startsAt: { lte: now }, endsAt: { gte: new Date(now.getTime() - ENDED_GRACE_MS) } },
    select: { id: true },
  });
  let released = 0;
  for (const { id } of promotions) released += await sweepPromotion(services, id, afterMs);
  return released;
}

// RESERVED_BEFORE answers at most this many at once; a pass keeps asking while it gets full pages.
const PAGE = 1_000;
const MAX_PAGES_PER_PASS = 100;

async function sweepPromotion(services: Services, promotionId: string, afterMs: number): Promise<number> {
  let released = 0;
  for (let page = 0; page < MAX_PAGES_PER_PASS; page++) {
    const reserved = await services.engine.stock.reservedBefore(promotionId, afterMs);
    if (!reserved || reserved.userIds.length === 0) break;
    released += await settle(services, promotionId, reserved);
    if (reserved.userIds.length < PAGE) break;
  }
  if (released > 0) {
    forgetSoldOut(promotionId);
    markChanged(services.engine, promotionId);
    log("warn", "released phantom winners (no claim row)", { promotionId, count: released });
  }
  return released;
}

/** Confirms the reservations whose claim rows committed, releases the others; returns how many were released. */
async function settle({ db, engine: { stock } }: Services, promotionId: string, reserved: { loadId: string; userIds: string[] }) {
  const rows = await db.claim.findMany({
    where: { promotionId, userId: { in: reserved.userIds }, status: { in: ["PENDING", "ISSUED"] } },
    select: { userId: true },
  });
  const committed = new Set(rows.map((r) => r.userId));
  await stock.confirm(promotionId, [...committed]);
  const phantoms = reserved.userIds.filter((userId) => !committed.has(userId));
  for (const userId of phantoms) await stock.release(promotionId, userId, reserved.loadId);
  return phantoms.length;
}

/** Sweeps every `afterMs / 2` until the returned function is called. */
export function startPhantomSweeper(services: () => Services, afterMs: number): () => void {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  const pass = async () => {
    try {
      await sweepPhantoms(services(), afterMs);
    } catch (error) {
      log("warn", "phantom sweep failed; trying again later", { error });
    }
    if (!stopped) timer = setTimeout(() => void pass(), afterMs / 2).unref();
  };
  timer = setTimeout(() => void pass(), afterMs / 2).unref();
  return () => {
    stopped = true;
    clearTimeout(timer);
  };
}
