// The claim button's promises and the sign-in return address, as pure functions.
import { describe, expect, it } from "vitest";
import { safeCallbackUrl } from "@/components/callback-url";
import { buttonState, type Attempt } from "@/components/claim-state";
import { formatCountdown } from "@/components/time";

const base = { status: "LIVE" as const, now: 10_000, startsAt: 0, endsAt: 100_000, signedOut: false };
const claim = {
  id: "c1",
  promotionId: "p1",
  status: "ISSUED" as const,
  couponCode: "ABCD-EFGH-JKLM",
  claimedAt: "2026-11-26T00:00:00Z",
};

describe("claim button state", () => {
  it("shows a coupon only after the server answered with one", () => {
    const attempts: Attempt[] = [
      { kind: "none" },
      { kind: "claiming" },
      { kind: "refused", message: "no" },
      { kind: "waiting", reason: "UNAVAILABLE", afterMs: 1_000, retryAt: 11_000 },
      { kind: "failed", message: "try again" },
    ];
    for (const attempt of attempts) {
      for (const status of ["SCHEDULED", "LIVE", "PAUSED", "SOLD_OUT", "ENDED"] as const) {
        const state = buttonState({ ...base, attempt, status });
        expect(state.claim).toBeUndefined();
        expect(state.label).toContain("Claim");
      }
    }
    expect(buttonState({ ...base, attempt: { kind: "won", claim, already: false } }).claim).toEqual(claim);
  });

  it("is disabled while a request is in flight and before the start", () => {
    expect(buttonState({ ...base, attempt: { kind: "claiming" } }).enabled).toBe(false);
    const early = buttonState({ ...base, status: "SCHEDULED", now: -5_000, attempt: { kind: "none" } });
    expect(early).toMatchObject({ kind: "countdown", enabled: false, label: "Claim opens in 00:00:05" });
    expect(buttonState({ ...base, status: "SCHEDULED", now: 0, attempt: { kind: "none" } })).toMatchObject({
      kind: "ready",
      enabled: true,
    });
  });
});

describe("formatCountdown", () => {
  it("rounds up and adds days", () => {
    expect(formatCountdown(1)).toBe("00:00:01");
    expect(formatCountdown(0)).toBe("00:00:00");
    expect(formatCountdown(90_061_000)).toBe("1d 01:01:01");
  });
});

describe("safeCallbackUrl", () => {
  it("keeps local paths and refuses everything else", () => {
    expect(safeCallbackUrl("/p/drop?x=1")).toBe("/p/drop?x=1");
    for (const bad of ["//evil.example", "/\\evil.example", "https://evil.example", "javascript:alert(1)", 42, undefined]) {
      expect(safeCallbackUrl(bad)).toBe("/");
    }
  });
});
