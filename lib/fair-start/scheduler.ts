import { log } from "@/lib/log";
import type { Services } from "@/lib/services";
import { runDraw } from "./draw";

const POLL_MS = 1_000;
// Draws due within this horizon get a timer of their own, set to the millisecond of T0.
const HORIZON_MS = 2_000;
// A due draw another process holds (or a failed one) is tried again this often.
const RETRY_MS = 500;

/**
 * Every server process runs the draws at T0 on its own timer (the first to take the draw's lock
 * draws; the others find it busy or done). Polling PostgreSQL once a second for draws due soon and
 * setting a timer to each one's T0 means a draw never waits for a cron, and an instance that died
 * mid-draw is replaced by whichever instance tries next. Returns a stop function.
 */
export function startDrawTimer(services: () => Services): () => void {
  let stopped = false;
  const timers = new Map<string, NodeJS.Timeout>();
  const draw = (id: string) => {
    timers.delete(id);
    runDraw(services(), id)
      .then((outcome) => {
        if (outcome !== "drawn" && outcome !== "none" && !stopped) schedule(id, RETRY_MS);
      })
      .catch((error: unknown) => {
        log("warn", "fair-start draw failed; trying again", { promotionId: id, error });
        if (!stopped) schedule(id, RETRY_MS);
      });
  };
  const schedule = (id: string, inMs: number) => {
    if (timers.has(id)) return;
    timers.set(id, setTimeout(() => draw(id), Math.max(0, inMs)).unref());
  };
  let poller: NodeJS.Timeout | undefined;
  const poll = async () => {
    try {
      const { rows } = await services().pool.query<{ id: string; inMs: number }>(
        `SELECT id, (extract(epoch FROM "startsAt" - now()) * 1000)::float8 AS "inMs" FROM "Promotion"
         WHERE "fairStartWindowSeconds" IS NOT NULL AND "fairStartDrawnAt" IS NULL
           AND "startsAt" <= now() + make_interval(secs => $1)`,
        [HORIZON_MS / 1_000],
      );
      for (const { id, inMs } of rows) schedule(id, inMs);
    } catch (error) {
      log("warn", "fair-start poll failed; trying again", { error });
    }
    if (!stopped) poller = setTimeout(() => void poll(), POLL_MS).unref();
  };
  void poll();
  return () => {
    stopped = true;
    clearTimeout(poller);
    for (const timer of timers.values()) clearTimeout(timer);
  };
}
