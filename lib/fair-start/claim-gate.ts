import { findActiveClaim } from "@/lib/claims/person-claims";
import { DomainError, unavailable } from "@/lib/errors/domain-error";
import type { Services } from "@/lib/services";
import { drawAndWait, knownDrawn } from "./draw";

// How long a claim arriving while the draw runs waits for it before answering 503.
const DRAW_WAIT_MS = 2_000;

/**
 * The claim path's stop on a fair-start promotion, before the stock engine is asked:
 * - before T0 (PostgreSQL's clock, the one the draw reads): NOT_STARTED, so no engine clock can
 *   let a claim in ahead of the draw;
 * - after T0 until the draw is done: the claim triggers it and waits, then 503 with Retry-After;
 * - after the draw, an entrant hears their result (ALREADY_CLAIMED with the claim when they won,
 *   SOLD_OUT when they lost); anyone else goes on to the classic path, on whatever stock is left.
 */
export async function fairStartGate(services: Services, promotionId: string, userId: string): Promise<void> {
  if (!knownDrawn(promotionId)) {
    const { rows } = await services.pool.query<{ startsAt: Date; dbNow: Date; drawn: boolean }>(
      `SELECT "startsAt", now() AS "dbNow", "fairStartDrawnAt" IS NOT NULL AS drawn FROM "Promotion" WHERE id = $1`,
      [promotionId],
    );
    const p = rows[0];
    if (!p) return; // gone: the engine answers NOT_FOUND
    if (!p.drawn && p.dbNow < p.startsAt) {
      throw new DomainError("NOT_STARTED", "This promotion has not started yet.", {
        startsAt: p.startsAt.toISOString(),
        serverTime: p.dbNow.toISOString(),
      });
    }
    const outcome = await drawAndWait(services, promotionId, DRAW_WAIT_MS);
    if (outcome !== "drawn" && outcome !== "none") throw unavailable("The draw is running. Please retry in a moment.");
  }
  const { rows } = await services.pool.query<{ status: string }>(
    `SELECT status::text AS status FROM "Entry" WHERE "promotionId" = $1 AND "userId" = $2`,
    [promotionId, userId],
  );
  const status = rows[0]?.status;
  if (status === "LOST") throw new DomainError("SOLD_OUT", "Not this time: every coupon went to a lower ticket.");
  if (status === "WON") {
    const claim = await findActiveClaim(services.db, userId, promotionId);
    // A winner whose coupon could not be issued claims like anyone else.
    if (claim) throw new DomainError("ALREADY_CLAIMED", "You won this coupon in the draw.", { claim });
  }
}
