import { outcomeKeys } from "../keys";
import type { OutcomeCounters, OutcomeSecond } from "./counters";
import { READ_OUTCOMES, RECORD_OUTCOMES } from "./scripts";
import type { RunScript } from "../transport/script";

/** Live outcome figures on Redis: one atomic script call per promotion and flush. */
export function redisOutcomeCounters(run: RunScript, keyPrefix = ""): OutcomeCounters {
  return {
    async record(promotionId, seconds, triers, ttl) {
      const k = outcomeKeys(
        promotionId,
        seconds.map((s) => s.second),
        keyPrefix,
      );
      const items = seconds.map((s, i) => ({
        hash: k.seconds[i],
        remaining: s.remaining ?? "",
        counts: Object.entries(s.counts)
          .filter(([, n]) => n !== 0)
          .map(([field, n]) => `${fieldName(field)}=${n}`)
          .join(","),
      }));
      return Number(await run(RECORD_OUTCOMES, { triers: k.triers, ...ttl, seconds: items, userIds: triers }));
    },
    async read(promotionId, seconds) {
      const k = outcomeKeys(promotionId, seconds, keyPrefix);
      const reply = (await run(READ_OUTCOMES, { triers: k.triers, seconds: k.seconds.map((hash) => ({ hash })) })) as [
        number,
        ...string[][],
      ];
      return toOutcomes(seconds, reply);
    },
  };
}

/** Field names are the code's own (won, soldOut, l3...): they never hold the encoding's separators. */
function fieldName(field: string): string {
  if (/[=,]/.test(field)) throw new Error(`outcome field "${field}" holds "=" or ","`);
  return field;
}

/** Turns a READ_OUTCOMES reply into seconds (those with figures) and the unique triers. */
function toOutcomes(seconds: readonly number[], [triers, ...hashes]: [number, ...string[][]]) {
  const found: OutcomeSecond[] = [];
  hashes.forEach((flat, i) => {
    if (!flat || flat.length === 0) return;
    const counts: Record<string, number> = {};
    let remaining: number | null = null;
    for (let f = 0; f < flat.length; f += 2) {
      if (flat[f] === "remaining") remaining = Number(flat[f + 1]);
      else counts[flat[f]] = Number(flat[f + 1]);
    }
    found.push({ second: seconds[i], counts, remaining });
  });
  return { seconds: found, triers: Number(triers) };
}
