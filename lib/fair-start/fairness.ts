import type { Services } from "@/lib/services";
import { TICKET_FORMULA } from "./ticket";

// The drop report's fairness section: does entering early or late change the chance to win? With
// a fair draw it does not: rank and entry time are unrelated (Spearman's rho near 0, about
// 1/sqrt(n) by chance), and the win rate is flat across entry-time deciles.

interface EntrantRow {
  ticket: string;
  enteredAt: Date;
  status: "WAITING" | "WON" | "LOST";
  position: number | null;
}

export interface FairnessSection {
  entrants: number;
  winners: number;
  drawnAt: string | null;
  /** Entries per second of the window (epoch seconds, count), oldest first. */
  entrantsOverTime: { second: number; time: string; entries: number }[];
  /** Entrants split into ten groups by entry time, earliest first, with their win rate. */
  deciles: { decile: number; from: string; to: string; entrants: number; winners: number; winRate: number }[];
  /** Spearman's rank correlation between entry time and the ticket's rank (null before the draw). */
  spearmanRho: number | null;
  /**
   * Win rate of the last second's entrants over that of entrants one minute or more before T0
   * (null when either group is empty or the latter never won).
   */
  lastSecondAdvantage: { ratio: number | null; lastSecond: GroupRate; minuteEarlier: GroupRate };
  verify: { seedSha256: string; seed: string | null; formula: string };
}

interface GroupRate {
  entrants: number;
  winners: number;
}

/** Average ranks (1-based) of `values`, ties sharing their mean rank. */
export function ranks(values: readonly number[]): number[] {
  const order = values.map((v, i) => ({ v, i })).sort((a, b) => a.v - b.v);
  const out = new Array<number>(values.length);
  for (let start = 0; start < order.length;) {
    let end = start;
    while (end + 1 < order.length && order[end + 1].v === order[start].v) end++;
    const mean = (start + end) / 2 + 1;
    for (let k = start; k <= end; k++) out[order[k].i] = mean;
    start = end + 1;
  }
  return out;
}

/** Spearman's rho: Pearson's correlation of the two rank vectors (ties averaged); null below 2 points. */
export function spearman(xs: readonly number[], ys: readonly number[]): number | null {
  const n = xs.length;
  if (n < 2) return null;
  const rx = ranks(xs);
  const ry = ranks(ys);
  const mean = (n + 1) / 2;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    sxy += (rx[i] - mean) * (ry[i] - mean);
    sxx += (rx[i] - mean) ** 2;
    syy += (ry[i] - mean) ** 2;
  }
  return sxx === 0 || syy === 0 ? null : sxy / Math.sqrt(sxx * syy);
}

const rate = (g: GroupRate) => (g.entrants === 0 ? 0 : g.winners / g.entrants);

/** The fairness section of a fair-start promotion's drop report; null for a classic one. */
export async function fairnessSection(services: Services, promotionId: string): Promise<FairnessSection | null> {
  const p = await services.db.promotion.findUnique({
    where: { id: promotionId },
    select: {
      startsAt: true,
      fairStartWindowSeconds: true,
      fairStartSeed: true,
      fairStartSeedSha256: true,
      fairStartDrawnAt: true,
    },
  });
  if (!p || p.fairStartWindowSeconds === null || !p.fairStartSeedSha256) return null;
  const rows = await entrantRows(services, promotionId);
  const drawn = p.fairStartDrawnAt !== null;
  const won = (r: EntrantRow) => r.status === "WON";
  const bySecond = new Map<number, number>();
  for (const r of rows) {
    const second = Math.floor(r.enteredAt.getTime() / 1_000);
    bySecond.set(second, (bySecond.get(second) ?? 0) + 1);
  }
  const deciles = Array.from({ length: rows.length === 0 ? 0 : 10 }, (_, d) => {
    const group = rows.slice(Math.floor((d * rows.length) / 10), Math.floor(((d + 1) * rows.length) / 10));
    const winners = group.filter(won).length;
    return {
      decile: d + 1,
      from: group[0]?.enteredAt.toISOString() ?? "",
      to: group[group.length - 1]?.enteredAt.toISOString() ?? "",
      entrants: group.length,
      winners,
      winRate: group.length === 0 ? 0 : winners / group.length,
    };
  }).filter((d) => d.entrants > 0);
  const t0 = p.startsAt.getTime();
  const group = (keep: (r: EntrantRow) => boolean): GroupRate => {
    const g = rows.filter(keep);
    return { entrants: g.length, winners: g.filter(won).length };
  };
  const lastSecond = group((r) => r.enteredAt.getTime() >= t0 - 1_000);
  const minuteEarlier = group((r) => r.enteredAt.getTime() <= t0 - 60_000);
  const placed = rows.filter((r) => r.position !== null);
  return {
    entrants: rows.length,
    winners: rows.filter(won).length,
    drawnAt: p.fairStartDrawnAt?.toISOString() ?? null,
    entrantsOverTime: [...bySecond.entries()].map(([second, entries]) => ({
      second,
      time: new Date(second * 1_000).toISOString(),
      entries,
    })),
    deciles,
    spearmanRho: drawn
      ? spearman(
          placed.map((r) => r.enteredAt.getTime()),
          placed.map((r) => r.position!),
        )
      : null,
    lastSecondAdvantage: {
      ratio: drawn && lastSecond.entrants > 0 && rate(minuteEarlier) > 0 ? rate(lastSecond) / rate(minuteEarlier) : null,
      lastSecond,
      minuteEarlier,
    },
    verify: { seedSha256: p.fairStartSeedSha256, seed: drawn ? p.fairStartSeed : null, formula: TICKET_FORMULA },
  };
}

/** Every entrant in entry order: ticket, time, status, position (never the user id). */
async function entrantRows(services: Services, promotionId: string): Promise<EntrantRow[]> {
  const { rows } = await services.pool.query<EntrantRow>(
    `SELECT ticket, "enteredAt", status::text AS status, position FROM "Entry" WHERE "promotionId" = $1 ORDER BY "enteredAt", ticket`,
    [promotionId],
  );
  return rows;
}

/**
 * The entrants as CSV: ticket (hidden until the draw), entry time, status and position; no user
 * ids, so the file can be published next to the seed.
 */
export async function entrantsCsv(services: Services, promotionId: string): Promise<string> {
  const drawn = await services.db.promotion.findUnique({ where: { id: promotionId }, select: { fairStartDrawnAt: true } });
  const rows = await entrantRows(services, promotionId);
  const lines = rows.map((r) =>
    [drawn?.fairStartDrawnAt ? r.ticket : "", r.enteredAt.toISOString(), r.status, r.position ?? ""].join(","),
  );
  return ["ticket,entered_at,status,position", ...lines].join("\n") + "\n";
}
