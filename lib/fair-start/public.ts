import { log } from "@/lib/log";
import type { Services } from "@/lib/services";
import { knownDrawn, runDraw } from "./draw";
import { fairStartView, type FairStartColumns, type FairStartView } from "./view";

type Row = FairStartColumns & { id: string };

/** Entrants per promotion, in one statement (an index range each). */
export async function countEntrants(services: Services, ids: readonly string[]): Promise<Map<string, number>> {
  if (ids.length === 0) return new Map();
  const { rows } = await services.pool.query<{ promotionId: string; n: number }>(
    `SELECT "promotionId", count(*)::int AS n FROM "Entry" WHERE "promotionId" = ANY($1::text[]) GROUP BY 1`,
    [ids],
  );
  return new Map(rows.map((r) => [r.promotionId, r.n]));
}

/**
 * The fair-start view of each row (null for classic ones). A promotion past T0 whose draw is not
 * marked yet has it started here, in the background, so a draw never waits for a timer.
 */
export async function fairStartViews(services: Services, rows: readonly Row[]): Promise<Map<string, FairStartView | null>> {
  const fair = rows.filter((r) => r.fairStartWindowSeconds !== null);
  const now = Date.now();
  for (const r of fair) {
    if (!r.fairStartDrawnAt && !knownDrawn(r.id) && r.startsAt.getTime() <= now) {
      void runDraw(services, r.id).catch((error: unknown) =>
        log("warn", "fair-start draw failed; retried later", { promotionId: r.id, error }),
      );
    }
  }
  const entrants = await countEntrants(
    services,
    fair.map((r) => r.id),
  );
  return new Map(rows.map((r) => [r.id, fairStartView(r, entrants.get(r.id) ?? 0)]));
}
