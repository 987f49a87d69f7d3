import { describe, expect, it } from "vitest";
import { slugSchema } from "@/lib/promotions/schemas";
import { romanizeHangul, slugify } from "@/lib/promotions/slug";

describe("slugs from titles", () => {
  it("romanizes Hangul (Revised Romanization), carrying a final consonant over a silent ㅇ, ㄹㄹ as ll", () => {
    expect(romanizeHangul("블랙")).toBe("beullaek");
    expect(romanizeHangul("할인")).toBe("harin");
    expect(romanizeHangul("쿠폰")).toBe("kupon");
    expect(romanizeHangul("봄맞이")).toBe("bommaji");
    expect(romanizeHangul("특가")).toBe("teukga");
    expect(romanizeHangul("한정 수량")).toBe("hanjeong suryang");
    expect(romanizeHangul("서울")).toBe("seoul");
  });

  it("gives Korean, mixed and accented titles readable slugs that pass the slug rule", () => {
    const cases: [string, string][] = [
      ["봄맞이 특가 쿠폰", "bommaji-teukga-kupon"],
      ["블랙프라이데이 50% 할인!", "beullaekpeuraidei-50-harin"],
      ["Café 오픈 기념", "cafe-opeun-ginyeom"],
      ["Summer Sale 2026", "summer-sale-2026"],
    ];
    for (const [title, slug] of cases) {
      expect(slugify(title)).toBe(slug);
      expect(slugSchema.safeParse(slug).success).toBe(true);
    }
  });

  it("has no slug of its own for a title with nothing to romanize (the caller makes a unique one)", () => {
    expect(slugify("限定セール")).toBe("");
    expect(slugify("!!!")).toBe("");
  });
});
