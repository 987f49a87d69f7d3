// The per-second outcome series against the real PostgreSQL and Redis: a parallel storm through
// the claim route handler, flushed in two waves (as two instances would add up), gives rows whose
// sums are exactly the answers the crowd got, and the engine's live figures agree with them.
import { describe, expect, it } from "vitest";
import * as claim from "@/app/api/promotions/[id]/claim/route";
import { readClaimSeconds } from "@/lib/metrics/claim-seconds";
import { countClaim } from "@/lib/metrics/collector";
import { engineFields, flushOutcomes, startOutcomeFlusher, stopOutcomeFlusher } from "@/lib/metrics/flusher";
import { OUTCOMES, type Outcome } from "@/lib/metrics/outcomes";
import { services, type Services } from "@/lib/services";
import { call, createPromotion, createUsers, sessionCookie, uid } from "@/tests/support/fixtures";

const svc = services();

const OUTCOME_OF_CODE: Record<string, Outcome> = { SOLD_OUT: "soldOut", ALREADY_CLAIMED: "alreadyClaimed" };

async function press(promotionId: string, cookie: string): Promise<Outcome> {
  const res = await call(claim.POST, { method: "POST", params: { id: promotionId }, cookie });
  if (res.status === 201) return "won";
  const outcome = OUTCOME_OF_CODE[(res.json as { error: string }).error];
  if (!outcome) throw new Error(`unexpected answer ${res.status} ${JSON.stringify(res.json)}`);
  return outcome;
}

const totals = (rows: { counts: number[] }[]) =>
  Object.fromEntries(OUTCOMES.map((o, i) => [o, rows.reduce((sum, r) => sum + r.counts[i], 0)]));

describe("claim outcome series", () => {
  it("adds up to exactly the answers of a parallel storm, in PostgreSQL and in the engine", async () => {
    const stock = 20;
    const promotion = await createPromotion(svc.db, { totalStock: stock });
    const users = await createUsers(svc.db, 60);
    const cookies = await Promise.all(users.map((u) => sessionCookie(u)));
    // Wave 1: 30 people, ten of them pressing twice at once. Flush. Wave 2: the other 30 and
    // ten repeats. Flush again: the same seconds' rows add up.
    const wave = (from: number, to: number) => [...cookies.slice(from, to), ...cookies.slice(from, from + 10)];
    const answers: Outcome[] = [];
    answers.push(...(await Promise.all(wave(0, 30).map((c) => press(promotion.id, c)))));
    // An unknown promotion is not counted (random ids create no rows).
    await call(claim.POST, { method: "POST", params: { id: `c${uid()}` }, cookie: cookies[0] });
    await flushOutcomes(svc);
    answers.push(...(await Promise.all(wave(30, 60).map((c) => press(promotion.id, c)))));
    await flushOutcomes(svc);

    const expected = Object.fromEntries(OUTCOMES.map((o) => [o, answers.filter((a) => a === o).length]));
    expect(expected.won).toBe(stock);
    expect(answers).toHaveLength(80);

    const rows = await readClaimSeconds(svc.pool, promotion.id);
    expect(rows.length).toBeGreaterThan(0);
    expect(totals(rows)).toEqual(expected);
    // Every answer was timed: the latency buckets hold as many samples as there were answers.
    expect(rows.reduce((sum, r) => sum + r.latency.reduce((a, b) => a + b, 0), 0)).toBe(80);
    expect(Math.min(...rows.map((r) => r.remaining ?? Infinity))).toBe(0);
    // Unique triers: 60 people (Redis counts them with a HyperLogLog: an estimate).
    expect(Math.abs(Math.max(...rows.map((r) => r.triers)) - 60)).toBeLessThanOrEqual(2);

    // The engine's live figures of the same seconds are the same numbers.
    const live = await svc.engine.outcomes.read(
      promotion.id,
      rows.map((r) => r.second),
    );
    expect(live.seconds.map((s) => s.second)).toEqual(rows.map((r) => r.second));
    for (const [i, s] of live.seconds.entries()) {
      expect(s.counts).toEqual(engineFields(rows[i].counts, rows[i].latency));
      expect(s.remaining).toBe(rows[i].remaining);
    }
    expect(Math.abs(live.triers - 60)).toBeLessThanOrEqual(2);
  });

  it("keeps the series when PostgreSQL fails and writes it with the next flush; an engine failure loses only the live figures", async () => {
    const promotion = await createPromotion(svc.db);
    const second = Math.floor(Date.now() / 1_000);
    countClaim(promotion.id, "someone", "soldOut", 3, 0, second * 1_000);
    const failingPool = { query: () => Promise.reject(new Error("connection terminated")) } as unknown as Services["pool"];
    await flushOutcomes({ ...svc, pool: failingPool });
    expect(await readClaimSeconds(svc.pool, promotion.id)).toEqual([]);

    countClaim(promotion.id, "someone else", "soldOut", 3, 0, second * 1_000);
    const failingOutcomes = { ...svc.engine.outcomes, record: () => Promise.reject(new Error("redis down")) };
    await flushOutcomes({ ...svc, engine: { ...svc.engine, outcomes: failingOutcomes } });
    const rows = await readClaimSeconds(svc.pool, promotion.id);
    expect(rows).toHaveLength(1);
    expect(totals(rows).soldOut).toBe(2);
    // The first flush reached the engine; the second did not.
    const live = await svc.engine.outcomes.read(promotion.id, [second]);
    expect(live.seconds[0].counts).toMatchObject({ soldOut: 1 });
  });

  it("the flusher writes about once a second, and a graceful stop writes what was counted since", async () => {
    const promotion = await createPromotion(svc.db);
    startOutcomeFlusher(() => svc);
    countClaim(promotion.id, "early", "notStarted", 2);
    await expect.poll(async () => totals(await readClaimSeconds(svc.pool, promotion.id)).notStarted, { timeout: 5_000 }).toBe(1);
    countClaim(promotion.id, "late", "notStarted", 2);
    await stopOutcomeFlusher(svc);
    expect(totals(await readClaimSeconds(svc.pool, promotion.id)).notStarted).toBe(2);
  });
});
