// The live screens' coalescing (fake timers): at most one flush per interval, nothing lost, the
// first change of a quiet moment out at once; and claims/s from the claimed count's movement.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { ClaimRates } from "@/lib/live/claim-rate";
import { coalescer } from "@/lib/live/coalesce";

describe("coalescer", () => {
  beforeEach(() => void vi.useFakeTimers({ now: 1_000_000 }));
  afterEach(() => void vi.useRealTimers());

  function recording(intervalMs = 100) {
    const flushes: { at: number; keys: string[] }[] = [];
    const c = coalescer<string>(intervalMs, (keys) => void flushes.push({ at: Date.now(), keys: keys.sort() }));
    return { c, flushes };
  }

  it("flushes the first key of a quiet moment on the next timer turn, with the keys of that moment", async () => {
    const { c, flushes } = recording();
    c.add("a");
    c.add("b");
    c.add("a");
    expect(flushes).toHaveLength(0); // never inside the caller's own turn (the claim path)
    await vi.advanceTimersByTimeAsync(0);
    expect(flushes).toEqual([{ at: 1_000_000, keys: ["a", "b"] }]);
  });

  it("a storm of changes to one promotion gives at most one flush per interval, and the last change is never lost", async () => {
    const { c, flushes } = recording();
    // A change every 5 ms for one second.
    for (let t = 0; t < 1_000; t += 5) {
      c.add("p");
      await vi.advanceTimersByTimeAsync(5);
    }
    await vi.advanceTimersByTimeAsync(200);
    expect(flushes.length).toBeLessThanOrEqual(11);
    expect(flushes.length).toBeGreaterThanOrEqual(10);
    for (let i = 1; i < flushes.length; i++) expect(flushes[i].at - flushes[i - 1].at).toBeGreaterThanOrEqual(100);
    // The change at 995 ms reaches a flush after it.
    expect(flushes.at(-1)!.at).toBeGreaterThanOrEqual(1_000_000 + 995);
  });

  it("keys added during an interval go together at its end", async () => {
    const { c, flushes } = recording();
    c.add("a");
    await vi.advanceTimersByTimeAsync(0);
    await vi.advanceTimersByTimeAsync(30);
    c.add("b");
    await vi.advanceTimersByTimeAsync(30);
    c.add("c");
    await vi.advanceTimersByTimeAsync(39);
    expect(flushes).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(flushes).toEqual([
      { at: 1_000_000, keys: ["a"] },
      { at: 1_000_100, keys: ["b", "c"] },
    ]);
  });

  it("a slow flush holds the next one back instead of running two at once", async () => {
    let running = 0;
    let most = 0;
    const seen: string[][] = [];
    const c = coalescer<string>(100, async (keys) => {
      running++;
      most = Math.max(most, running);
      seen.push(keys);
      await new Promise((resolve) => setTimeout(resolve, 350));
      running--;
    });
    c.add("a");
    await vi.advanceTimersByTimeAsync(10);
    c.add("b");
    await vi.advanceTimersByTimeAsync(200);
    expect(seen).toEqual([["a"]]);
    await vi.advanceTimersByTimeAsync(200);
    expect(seen).toEqual([["a"], ["b"]]);
    expect(most).toBe(1);
  });

  it("a failing flush does not stop later ones", async () => {
    const seen: string[][] = [];
    const c = coalescer<string>(100, (keys) => {
      seen.push(keys);
      if (keys.includes("bad")) throw new Error("boom");
    });
    c.add("bad");
    await vi.advanceTimersByTimeAsync(0);
    c.add("good");
    await vi.advanceTimersByTimeAsync(100);
    expect(seen).toEqual([["bad"], ["good"]]);
  });

  it("addLater adds after the delay; stop drops what is pending and every timer", async () => {
    const { c, flushes } = recording();
    c.addLater("x", 1_000);
    await vi.advanceTimersByTimeAsync(999);
    expect(flushes).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1);
    await vi.advanceTimersByTimeAsync(1); // the flush's own timer turn (node runs a 0 ms timer after 1 ms)
    expect(flushes.map((f) => f.keys)).toEqual([["x"]]);
    c.addLater("y", 500);
    c.add("z");
    c.stop();
    c.add("w");
    await vi.advanceTimersByTimeAsync(2_000);
    expect(flushes).toHaveLength(1);
  });
});

describe("claims per second", () => {
  it("is the claimed count's rise over the last second", () => {
    const r = new ClaimRates();
    expect(r.rate("p", 0, 10)).toBe(0); // first sight: nothing to compare with
    expect(r.rate("p", 300, 13)).toBe(3); // seen less than a second ago: claims since then
    expect(r.rate("p", 1_000, 20)).toBe(10); // the sample at 0 is a second old
    expect(r.rate("p", 1_400, 25)).toBe(12); // against the sample at 300 (the newest at least 1 s old)
    expect(r.rate("p", 2_400, 25)).toBe(0); // against the sample at 1_400: no claim since
  });

  it("falls back to 0 when claims stop, never goes negative, and forgets", () => {
    const r = new ClaimRates();
    r.rate("p", 0, 0);
    expect(r.rate("p", 1_000, 30)).toBe(30);
    expect(r.rate("p", 2_000, 30)).toBe(0);
    expect(r.rate("p", 3_000, 29)).toBe(0); // a claim failed for good: claimed went down
    r.forget("p");
    expect(r.rate("p", 3_100, 50)).toBe(0);
  });
});
