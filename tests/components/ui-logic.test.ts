// The claim button's promises and the sign-in return address, as pure functions.
import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { buttonState as stateIn, type Attempt } from "@/components/claim-state";
import { formatCountdown } from "@/components/time";
import { safeCallbackUrl } from "@/lib/auth/callback-url";
import { messagesOf } from "@/lib/i18n/messages";

const english = createTranslator({ locale: "en", messages: messagesOf("en"), namespace: "claim" });
const korean = createTranslator({ locale: "ko", messages: messagesOf("ko"), namespace: "claim" });
const buttonState = (situation: Parameters<typeof stateIn>[0], t = english) => stateIn(situation, t);

const base = { status: "LIVE" as const, now: 10_000, startsAt: 0, endsAt: 100_000, signedOut: false };
const claim = {
  id: "c1",
  promotionId: "p1",
  status: "ISSUED" as const,
  couponCode: "ABCD-EFGH-JKLM",
  claimedAt: "2026-11-26T00:00:00Z",
  expiresAt: null,
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
        expect(buttonState({ ...base, attempt, status }, korean).label).toContain("쿠폰 받기");
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
    expect(formatCountdown(90_061_000, (days, hms) => `${days}일 ${hms}`)).toBe("1일 01:01:01");
  });
});

describe("safeCallbackUrl", () => {
  it("keeps local paths, normalised", () => {
    expect(safeCallbackUrl("/p/drop?x=1")).toBe("/p/drop?x=1");
    expect(safeCallbackUrl("/me/coupons#top")).toBe("/me/coupons#top");
    expect(safeCallbackUrl("/a/../p/drop")).toBe("/p/drop");
    // Percent-escapes that stay escaped in a path are harmless: the browser never decodes them into a host.
    expect(safeCallbackUrl("/%09/evil.com")).toBe("/%09/evil.com");
    expect(safeCallbackUrl("%2F%2Fevil.com")).toBe("/%2F%2Fevil.com");
    // A full URL of this very site is fine when the caller knows the origin.
    expect(safeCallbackUrl("http://shop.test:3000/p/x", "http://shop.test:3000")).toBe("/p/x");
  });

  it.each([
    ["protocol-relative", "//evil.example"],
    ["backslash", "/\\evil.example"],
    ["double backslash", "\\\\evil.example"],
    ["tab (as /%09/ decodes to in the query)", "/\t/evil.example"],
    ["newline", "/\n/evil.example"],
    ["carriage return", "\r//evil.example"],
    ["leading spaces", "  //evil.example"],
    ["absolute https", "https://evil.example/p"],
    ["absolute http", "http://evil.example"],
    ["scheme-relative with credentials", "//user@evil.example"],
    ["javascript:", "javascript:alert(1)"],
    ["JavaScript: mixed case with tab", "java\tscript:alert(1)"],
    ["data:", "data:text/html,<script>alert(1)</script>"],
    ["dot segment into //", "/.//evil.example"],
    ["dot-dot segment into //", "/..//evil.example"],
    ["another port of this host", "http://callback.invalid:8080/p"],
    ["empty", ""],
  ])("refuses %s", (_, value) => {
    expect(safeCallbackUrl(value)).toBe("/");
  });

  it("refuses decoded percent-encoded variants (what the page receives after the query is decoded)", () => {
    for (const encoded of [
      "/%09/evil.com",
      "%2F%2Fevil.com",
      "/%5Cevil.com",
      "%2F%5Cevil.com",
      "/%0A/evil.com",
      "%09//evil.com",
    ]) {
      expect(safeCallbackUrl(decodeURIComponent(encoded))).toBe("/");
    }
    expect(safeCallbackUrl(new URLSearchParams("callbackUrl=/%09/evil.com").get("callbackUrl"))).toBe("/");
  });

  it("refuses what is not a string", () => {
    for (const bad of [42, undefined, null, ["/p"], { href: "/p" }]) expect(safeCallbackUrl(bad)).toBe("/");
  });

  it("compares origins with the origin it is given", () => {
    expect(safeCallbackUrl("https://shop.test/p", "http://shop.test")).toBe("/");
    expect(safeCallbackUrl("/p", "not a url")).toBe("/");
  });
});
