import { START_TIMER_HORIZON_MS, startTimers } from "@/lib/promotions/start-timers";
import type { Services } from "@/lib/services";
import { runDraw } from "./draw";

// A due draw another process holds (or a failed one) is tried again this often.
const RETRY_MS = 500;

/**
 * Every server process runs the draws at T0 on its own timer (lib/promotions/start-timers.ts): the
 * first to take the draw's lock draws; the others find it busy or done. A draw whose T0 has passed
 * undrawn (every instance was down) is due at once. Returns a stop function.
 */
export function startDrawTimer(services: () => Services): () => void {
  return startTimers({
    name: "fair-start draw",
    due: async () => {
      const { rows } = await services().pool.query<{ id: string; inMs: number }>(
        `SELECT id, (extract(epoch FROM "startsAt" - now()) * 1000)::float8 AS "inMs" FROM "Promotion"
         WHERE "fairStartWindowSeconds" IS NOT NULL AND "fairStartDrawnAt" IS NULL
           AND "startsAt" <= now() + make_interval(secs => $1)`,
        [START_TIMER_HORIZON_MS / 1_000],
      );
      return rows.map(({ id, inMs }) => ({ key: id, promotionId: id, inMs }));
    },
    run: async (id) => {
      const outcome = await runDraw(services(), id);
      return outcome === "drawn" || outcome === "none";
    },
    retryMs: RETRY_MS,
    // Drawn, a promotion no longer comes back from the poll; "none" (nothing to draw) is not asked again soon.
    rememberMs: 60_000,
  });
}
