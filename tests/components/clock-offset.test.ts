// The browser's measurement of the server's clock: the lower bound of each answer, the answer
// with the smallest round trip kept, a cached copy's Age counted.
import { describe, expect, it } from "vitest";
import { betterOffset, offsetFrom, parseAge, type ClockSample } from "@/components/clock-offset";

// The server's clock is 5 s ahead of the browser's in every example.
const TRUE_OFFSET = 5_000;

/** An answer stamped `stampedAfter` ms into a round trip of `rttMs` that ended at browser time `receivedAt`. */
function answer({
  rttMs,
  stampedAfter = rttMs / 2,
  ageMs = null,
  receivedAt = 1_000_000,
}: {
  rttMs: number;
  stampedAfter?: number;
  ageMs?: number | null;
  receivedAt?: number;
}): ClockSample {
  const stampedAt = receivedAt - rttMs + stampedAfter; // browser time when the server (or CDN) read its clock
  return { serverTime: stampedAt + TRUE_OFFSET - (ageMs ?? 0), ageMs, receivedAt, rttMs };
}

describe("offsetFrom", () => {
  it("uses the only sample there is, as the lower bound of the offset", () => {
    const offset = offsetFrom(answer({ rttMs: 200, stampedAfter: 100 }));
    expect(offset).toEqual({ offsetMs: TRUE_OFFSET - 100, uncertaintyMs: 200 });
    expect(betterOffset(null, offset)).toEqual(offset);
  });

  it("counts a cached copy's Age: its server time is that much older", () => {
    const cached = answer({ rttMs: 20, stampedAfter: 20, ageMs: 1_000 });
    expect(cached.serverTime).toBe(1_000_000 + TRUE_OFFSET - 1_000);
    const offset = offsetFrom(cached);
    expect(offset.offsetMs).toBe(TRUE_OFFSET);
    // Age is in whole seconds: up to one more second of doubt.
    expect(offset.uncertaintyMs).toBe(1_020);
  });

  it("never exceeds the true offset, wherever in the round trip the server read its clock", () => {
    for (const rttMs of [1, 40, 800, 5_000]) {
      for (const fraction of [0, 0.25, 0.5, 1]) {
        const offset = offsetFrom(answer({ rttMs, stampedAfter: rttMs * fraction }));
        expect(offset.offsetMs).toBeLessThanOrEqual(TRUE_OFFSET);
        expect(offset.offsetMs + offset.uncertaintyMs).toBeGreaterThanOrEqual(TRUE_OFFSET);
      }
    }
  });
});

describe("betterOffset", () => {
  it("keeps the sample with the smallest round trip", () => {
    const samples = [300, 40, 120, 900].map((rttMs) => offsetFrom(answer({ rttMs })));
    const kept = samples.reduce<ReturnType<typeof offsetFrom> | null>(betterOffset, null);
    expect(kept).toEqual(samples[1]);
    expect(kept!.uncertaintyMs).toBe(40);
  });

  it("ignores a slow answer: the countdown does not move", () => {
    const fast = offsetFrom(answer({ rttMs: 30, stampedAfter: 15 }));
    // Under load: three seconds there and back, the server's clock read right at the start.
    const slow = offsetFrom(answer({ rttMs: 3_000, stampedAfter: 0, receivedAt: 1_010_000 }));
    expect(slow.offsetMs).toBe(TRUE_OFFSET - 3_000);
    expect(betterOffset(fast, slow)).toBe(fast);
  });

  it("prefers an answer from the server over a cached copy of a similar trip", () => {
    const cached = offsetFrom(answer({ rttMs: 20, ageMs: 0 }));
    const origin = offsetFrom(answer({ rttMs: 150 }));
    expect(betterOffset(cached, origin)).toBe(origin);
    expect(betterOffset(origin, cached)).toBe(origin);
  });

  it("starts over when the browser's clock was set: the old measurement no longer holds", () => {
    const before = offsetFrom(answer({ rttMs: 30 }));
    // The device's clock jumped 10 s ahead, so the server is now 5 s behind it.
    const after = offsetFrom({ ...answer({ rttMs: 200 }), receivedAt: 1_000_000 + 10_000 });
    expect(after.offsetMs).toBeLessThan(before.offsetMs - before.uncertaintyMs);
    expect(betterOffset(before, after)).toBe(after);
  });
});

describe("parseAge", () => {
  it("reads whole seconds, and nothing else", () => {
    expect(parseAge("0")).toBe(0);
    expect(parseAge(" 2 ")).toBe(2_000);
    for (const header of [null, "", "-1", "1.5", "soon"]) expect(parseAge(header)).toBeNull();
  });
});
