// The claim outcome counters: bucketing per second, the fixed-bucket latency histogram (merge,
// p50/p99), the merge of rows for one upsert, and the error-to-outcome mapping.
import { describe, expect, it } from "vitest";
import { DomainError } from "@/lib/errors/domain-error";
import type { ClaimSecondRow } from "@/lib/metrics/claim-seconds";
import { countClaim, takeCounts } from "@/lib/metrics/collector";
import { engineFields, mergeRows } from "@/lib/metrics/flusher";
import { bucketOf, emptyHistogram, LATENCY_BOUNDS_MS, LATENCY_BUCKETS, mergeInto, quantile } from "@/lib/metrics/histogram";
import { OUTCOMES, outcomeLabel, outcomeOfError } from "@/lib/metrics/outcomes";

const idx = (o: (typeof OUTCOMES)[number]) => OUTCOMES.indexOf(o);

describe("claim outcome counters", () => {
  it("counts per promotion and per second, with the lowest remaining and the triers", () => {
    takeCounts();
    const t = 1_700_000_000_000;
    countClaim("p1", "a", "won", 4, 9, t);
    countClaim("p1", "b", "won", 6, 8, t + 999);
    countClaim("p1", "a", "alreadyClaimed", 1, null, t + 500);
    countClaim("p1", "c", "soldOut", 0.5, 0, t + 1_000);
    countClaim("p2", "a", "rateLimited", 2, null, t);
    const taken = takeCounts();
    expect([...taken.keys()]).toEqual(["p1", "p2"]);
    const p1 = taken.get("p1")!;
    expect([...p1.triers].sort()).toEqual(["a", "b", "c"]);
    const first = p1.seconds.get(t / 1_000)!;
    expect(first.counts[idx("won")]).toBe(2);
    expect(first.counts[idx("alreadyClaimed")]).toBe(1);
    expect(first.counts.reduce((a, b) => a + b, 0)).toBe(3);
    expect(first.remaining).toBe(8);
    expect(first.latency[bucketOf(4)] + first.latency[bucketOf(6)] + first.latency[bucketOf(1)]).toBe(3);
    const next = p1.seconds.get(t / 1_000 + 1)!;
    expect(next.counts[idx("soldOut")]).toBe(1);
    expect(next.remaining).toBe(0);
    expect(taken.get("p2")!.seconds.get(t / 1_000)!.counts[idx("rateLimited")]).toBe(1);
    // Taken means gone: the next flush starts from nothing.
    expect(takeCounts().size).toBe(0);
  });

  it("maps claim errors to outcomes; NOT_FOUND is not counted", () => {
    expect(outcomeOfError(new DomainError("SOLD_OUT", "x"))).toBe("soldOut");
    expect(outcomeOfError(new DomainError("ALREADY_CLAIMED", "x"))).toBe("alreadyClaimed");
    expect(outcomeOfError(new DomainError("RATE_LIMITED", "x"))).toBe("rateLimited");
    expect(outcomeOfError(new DomainError("NOT_ELIGIBLE", "x"))).toBe("notEligible");
    expect(outcomeOfError(new DomainError("NOT_STARTED", "x"))).toBe("notStarted");
    expect(outcomeOfError(new DomainError("UNAVAILABLE", "x"))).toBe("unavailable");
    expect(outcomeOfError(Object.assign(new Error("connect"), { code: "ECONNREFUSED" }))).toBe("unavailable");
    expect(outcomeOfError(new DomainError("ENDED", "x"))).toBe("other");
    expect(outcomeOfError(new Error("bug"))).toBe("other");
    expect(outcomeOfError(new DomainError("NOT_FOUND", "x"))).toBeNull();
    expect(OUTCOMES.map(outcomeLabel)).toEqual([
      "won",
      "sold_out",
      "already_claimed",
      "rate_limited",
      "not_eligible",
      "not_started",
      "unavailable",
      "other",
    ]);
  });
});

describe("latency histogram", () => {
  it("puts each latency in the first bucket whose bound holds it", () => {
    expect(bucketOf(0)).toBe(0);
    expect(bucketOf(1)).toBe(0);
    expect(bucketOf(1.01)).toBe(1);
    expect(bucketOf(10)).toBe(LATENCY_BOUNDS_MS.indexOf(10));
    expect(bucketOf(10_000)).toBe(LATENCY_BOUNDS_MS.length - 1);
    expect(bucketOf(60_000)).toBe(LATENCY_BUCKETS - 1);
  });

  it("merges instances by adding their counts, and reads p50/p99 from the merged counts", () => {
    const a = emptyHistogram();
    const b = emptyHistogram();
    // Instance a: 98 fast claims (2-3 ms bucket); instance b: 1 at 4 ms, 1 at 400 ms.
    a[bucketOf(2.5)] = 98;
    b[bucketOf(4)] = 1;
    b[bucketOf(400)] = 1;
    expect(quantile(a, 0.99)).toBeLessThanOrEqual(3);
    const merged = mergeInto(emptyHistogram(), a);
    mergeInto(merged, b);
    expect(merged.reduce((x, y) => x + y, 0)).toBe(100);
    // p50 inside the 2-3 ms bucket; the 99th of 100 is the 4 ms one (3-5 ms bucket), p100 the slow one.
    const p50 = quantile(merged, 0.5)!;
    expect(p50).toBeGreaterThan(2);
    expect(p50).toBeLessThanOrEqual(3);
    const p99 = quantile(merged, 0.99)!;
    expect(p99).toBeGreaterThan(3);
    expect(p99).toBeLessThanOrEqual(5);
    const max = quantile(merged, 1)!;
    expect(max).toBeGreaterThan(300);
    expect(max).toBeLessThanOrEqual(500);
  });

  it("has no quantile without samples, and caps past the last bound", () => {
    expect(quantile(emptyHistogram(), 0.5)).toBeNull();
    const slow = emptyHistogram();
    slow[bucketOf(99_999)] = 3;
    expect(quantile(slow, 0.99)).toBe(LATENCY_BOUNDS_MS[LATENCY_BOUNDS_MS.length - 1]);
  });
});

describe("flush rows", () => {
  const row = (over: Partial<ClaimSecondRow>): ClaimSecondRow => ({
    promotionId: "p",
    second: 10,
    counts: [1, 2, 0, 0, 0, 0, 0, 0],
    latency: [1, 2],
    remaining: 5,
    triers: 3,
    ...over,
  });

  it("merges a kept row and a fresh one of the same second into one (an upsert touches a row once)", () => {
    const merged = mergeRows([row({}), row({ remaining: 4, triers: 2, latency: [0, 1, 1] }), row({ second: 11 })]);
    expect(merged).toHaveLength(2);
    expect(merged[0].counts.slice(0, 2)).toEqual([2, 4]);
    expect(merged[0].latency.slice(0, 3)).toEqual([1, 3, 1]);
    expect(merged[0]).toMatchObject({ second: 10, remaining: 4, triers: 3 });
    expect(merged[1]).toMatchObject({ second: 11, remaining: 5 });
  });

  it("sends the engine only the non-zero counts, by outcome name and latency bucket", () => {
    expect(engineFields([3, 0, 1, 0, 0, 0, 0, 0], [0, 2, 0, 1])).toEqual({ won: 3, alreadyClaimed: 1, l1: 2, l3: 1 });
  });
});
