import { boundedCache } from "@/lib/cache/lru";
import { log } from "@/lib/log";

/** A promotion whose moment (its start, or a lead before it) comes within the poll's horizon. */
export interface DueMoment {
  /** One moment of one promotion: a promotion moved to another start is due again. */
  key: string;
  promotionId: string;
  /** How long until the moment; zero or less: now. */
  inMs: number;
}

interface StartTimers {
  /** In logs. */
  name: string;
  /** The moments due within START_TIMER_HORIZON_MS, read from PostgreSQL. */
  due: () => Promise<DueMoment[]>;
  /** Runs at the moment; false (or a throw) tries again after `retryMs`, or never without one. */
  run: (promotionId: string) => Promise<boolean>;
  retryMs?: number;
  /** How long a moment that ran is remembered, so later polls that still list it skip it. */
  rememberMs: number;
}

const POLL_MS = 1_000;
// Moments due within this horizon get a timer of their own, set to the millisecond.
export const START_TIMER_HORIZON_MS = 2_000;

/**
 * Every server process keeps its own timers for what happens at a promotion's start: it polls
 * PostgreSQL once a second for moments due soon and sets a timer to each one's millisecond, so
 * nothing waits for a cron and an instance that died is replaced by whichever instance runs next.
 * Used by the fair-start draw at T0 (lib/fair-start/scheduler.ts) and the warm-up before the
 * start (./prewarm.ts). Returns a stop function.
 */
export function startTimers({ name, due, run, retryMs, rememberMs }: StartTimers): () => void {
  let stopped = false;
  const timers = new Map<string, NodeJS.Timeout>();
  const ran = boundedCache<string, true>({ max: 10_000, ttlMs: rememberMs });
  const fire = (moment: DueMoment) => {
    timers.delete(moment.key);
    void run(moment.promotionId)
      .catch((error: unknown) => {
        log("warn", `${name} failed`, { promotionId: moment.promotionId, retryMs, error });
        return false;
      })
      .then((done) => {
        if (done || retryMs === undefined) ran.set(moment.key, true);
        else if (!stopped) schedule({ ...moment, inMs: retryMs });
      });
  };
  const schedule = (moment: DueMoment) => {
    if (timers.has(moment.key) || ran.has(moment.key)) return;
    timers.set(moment.key, setTimeout(() => fire(moment), Math.max(0, moment.inMs)).unref());
  };
  let poller: NodeJS.Timeout | undefined;
  const poll = async () => {
    try {
      for (const moment of await due()) schedule(moment);
    } catch (error) {
      log("warn", `${name} poll failed; trying again`, { error });
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
