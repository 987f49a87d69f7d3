import { describe, expect, it } from "vitest";
import { newCouponCode } from "@/lib/claims/coupon-code";

describe("newCouponCode", () => {
  it("is three groups of four from the unambiguous alphabet", () => {
    for (let i = 0; i < 1_000; i++) expect(newCouponCode()).toMatch(/^[A-HJKMNP-Z2-9]{4}-[A-HJKMNP-Z2-9]{4}-[A-HJKMNP-Z2-9]{4}$/);
  });

  it("draws every letter about equally often and repeats no code", () => {
    const codes = new Set<string>();
    const counts = new Map<string, number>();
    for (let i = 0; i < 20_000; i++) {
      const code = newCouponCode();
      codes.add(code);
      for (const ch of code.replaceAll("-", "")) counts.set(ch, (counts.get(ch) ?? 0) + 1);
    }
    expect(codes.size).toBe(20_000);
    expect(counts.size).toBe(31);
    // 240,000 letters over 31: about 7,742 each. Bounds of +-5 standard deviations: a fair draw
    // leaves them about once in 50,000 runs; mapping random bytes with `byte % 31` (the first
    // eight letters an eighth likelier) leaves them by about 7.
    const expected = 240_000 / 31;
    const sd = Math.sqrt(240_000 * (1 / 31) * (30 / 31));
    for (const n of counts.values()) expect(Math.abs(n - expected)).toBeLessThan(5 * sd);
  });
});
