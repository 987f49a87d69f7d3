import type pg from "pg";
import { rebuildPromotion } from "@/lib/promotions/rebuild";
import type { Services } from "@/lib/services";
import { START_TIMER_HORIZON_MS, startTimers } from "./start-timers";

// How long before a promotion's start each process readies itself. Shorter than pg's idle
// timeout (10 s), so the connections it opens are still open when the first winners commit.
export const PREWARM_LEAD_MS = 3_000;

/**
 * Shortly before a published promotion starts, every server process does what its first press
 * would otherwise wait for (bench/findings-bursts.md): the promotion's keys are loaded into the
 * stock engine if it has none (one rebuild from PostgreSQL instead of one inside the first
 * second), and the database pool opens its connections, so the first group commit does not open
 * them while the crowd queues. What it cannot do ahead is decode the crowd's session cookies or
 * compile the claim path on a fresh process. Only a head start: a promotion not readied (an error,
 * a start moved in the last seconds) loads on its first press as before. Returns a stop function.
 */
export function startPrewarmTimer(services: () => Services): () => void {
  return startTimers({
    name: "pre-warm",
    due: async () => {
      const { rows } = await services().pool.query<{ id: string; startsAtMs: number; inMs: number }>(
        `SELECT id, (extract(epoch FROM "startsAt") * 1000)::float8 AS "startsAtMs",
           (extract(epoch FROM "startsAt" - now()) * 1000)::float8 - $1 AS "inMs" FROM "Promotion"
         WHERE published AND NOT paused AND "startsAt" > now()
           AND "startsAt" <= now() + make_interval(secs => $2)`,
        [PREWARM_LEAD_MS, (PREWARM_LEAD_MS + START_TIMER_HORIZON_MS) / 1_000],
      );
      return rows.map(({ id, startsAtMs, inMs }) => ({ key: `${id}@${startsAtMs}`, promotionId: id, inMs }));
    },
    run: async (id) => {
      await prewarm(services(), id);
      return true;
    },
    // Not tried again: a promotion that could not be readied loads on its first press, as without this.
    rememberMs: PREWARM_LEAD_MS + START_TIMER_HORIZON_MS * 2,
  });
}

/** Readies this process for a promotion's first press (see startPrewarmTimer). */
export async function prewarm(services: Services, promotionId: string): Promise<void> {
  await Promise.all([rebuildPromotion(services, promotionId), openConnections(services.pool)]);
}

/**
 * As many queries at once as the pool may hold connections: each finds an idle connection or
 * opens one. Every query holds its connection for one round trip only, so nothing else waits.
 */
async function openConnections(pool: pg.Pool): Promise<void> {
  const size = pool.options.max ?? 10;
  await Promise.all(Array.from({ length: size }, () => pool.query("SELECT 1")));
}
