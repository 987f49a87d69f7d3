import { boundedCache, type Clock } from "@/lib/cache/lru";
import type { OutcomeCounters, OutcomeSecond } from "./counters";

// Seconds (of all promotions) and promotions' trier sets held at most; each also expires like
// its Redis key. The triers are counted exactly here (Redis estimates).
const SECONDS = 100_000;
const PROMOTIONS = 10_000;

/** Live outcome figures in this process, mirroring ./scripts.ts. */
export function memoryOutcomeCounters(clock: Clock): OutcomeCounters {
  const seconds = boundedCache<string, OutcomeSecond>({ max: SECONDS, now: clock });
  const triers = boundedCache<string, Set<string>>({ max: PROMOTIONS, now: clock });
  const secondKey = (promotionId: string, second: number) => `${promotionId}:${second}`;

  return {
    async record(promotionId, flushed, newTriers, ttl) {
      if (newTriers.length > 0) {
        const set = triers.get(promotionId) ?? new Set<string>();
        for (const userId of newTriers) set.add(userId);
        triers.set(promotionId, set, { ttl: ttl.triersTtlMs });
      }
      for (const { second, counts, remaining } of flushed) {
        const key = secondKey(promotionId, second);
        const s = seconds.get(key) ?? { second, counts: {}, remaining: null };
        for (const [field, n] of Object.entries(counts)) if (n !== 0) s.counts[field] = (s.counts[field] ?? 0) + n;
        if (remaining !== null && (s.remaining === null || remaining < s.remaining)) s.remaining = remaining;
        if (s.remaining === null && Object.keys(s.counts).length === 0) continue; // Redis holds no empty hash
        seconds.set(key, s, { ttl: ttl.secondsTtlMs });
      }
      return triers.get(promotionId)?.size ?? 0;
    },

    async read(promotionId, wanted) {
      const found = wanted
        .map((second) => seconds.get(secondKey(promotionId, second)))
        .filter((s) => s !== undefined)
        .map((s) => ({ second: s.second, counts: { ...s.counts }, remaining: s.remaining }));
      return { seconds: found, triers: triers.get(promotionId)?.size ?? 0 };
    },
  };
}
