// Fair-start test data: promotions with a committed seed, entries through the use case, and the
// draw's expected result recomputed from the revealed seed, as an outsider would.
import type { Db } from "@/lib/db";
import { DomainError } from "@/lib/errors/domain-error";
import { enterDraw } from "@/lib/fair-start/entries";
import { newSeed, seedSha256, ticketOf } from "@/lib/fair-start/ticket";
import type { Services } from "@/lib/services";
import { createPromotion } from "./fixtures";

/** A published fair-start promotion whose entry window is open now (T0 in `startsInMs`). */
export async function createFairStartPromotion(
  db: Db,
  options: { totalStock: number; startsInMs?: number; windowSeconds?: number; issuer?: { url: string; secret: string } },
) {
  const promotion = await createPromotion(db, {
    totalStock: options.totalStock,
    startsAt: new Date(Date.now() + (options.startsInMs ?? 60_000)),
  });
  const seed = newSeed();
  return db.promotion.update({
    where: { id: promotion.id },
    data: {
      fairStartWindowSeconds: options.windowSeconds ?? 3_600,
      fairStartSeed: seed,
      fairStartSeedSha256: seedSha256(seed),
      ...(options.issuer && { issuerType: "HTTP", issuerUrl: options.issuer.url, issuerSecret: options.issuer.secret }),
    },
  });
}

/** Moves T0 to a moment ago (what waiting for it would do), without touching anything else. */
export async function reachT0(db: Db, promotionId: string) {
  await db.$executeRaw`UPDATE "Promotion" SET "startsAt" = now() - interval '1 millisecond' WHERE id = ${promotionId}`;
}

export type EntryOutcome = { userId: string; status: number } | { userId: string; code: string };

/** One entry as the route would answer it: 202 new, 200 again, or the error code. */
export async function enter(svc: Services, promotionId: string, userId: string): Promise<EntryOutcome> {
  try {
    const { created } = await enterDraw(svc, { promotionId, userId, email: null });
    return { userId, status: created ? 202 : 200 };
  } catch (error) {
    if (error instanceof DomainError) return { userId, code: error.code };
    throw error;
  }
}

/** The expected winners: the `stock` lowest tickets of `userIds`, recomputed from the revealed seed. */
export function expectedWinners(seed: string, userIds: readonly string[], stock: number): string[] {
  return rankByTicket(seed, userIds).slice(0, stock);
}

export function rankByTicket(seed: string, userIds: readonly string[]): string[] {
  return [...userIds]
    .map((id) => ({ id, ticket: ticketOf(seed, id) }))
    .sort((a, b) => (a.ticket < b.ticket ? -1 : a.ticket > b.ticket ? 1 : 0))
    .map((e) => e.id);
}
