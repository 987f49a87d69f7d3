// How a request picks its language: the cookie, then Accept-Language, then the default.
import { describe, expect, it } from "vitest";
import { acceptedLocale, cookieLocale, requestLocale } from "@/lib/i18n/locale";

describe("request locale", () => {
  it("takes the NEXT_LOCALE cookie first, whatever the browser asks for", () => {
    expect(requestLocale("a=1; NEXT_LOCALE=ko; b=2", "en-US,en;q=0.9", "en")).toBe("ko");
    expect(requestLocale("NEXT_LOCALE=en", "ko-KR", "ko")).toBe("en");
  });

  it("ignores an unknown cookie value and falls back to Accept-Language", () => {
    expect(cookieLocale("NEXT_LOCALE=fr")).toBeNull();
    expect(cookieLocale("XNEXT_LOCALE=ko")).toBeNull();
    expect(requestLocale("NEXT_LOCALE=fr", "ko-KR,ko;q=0.9", "en")).toBe("ko");
  });

  it("reads Accept-Language by q-value, a region counting for its language", () => {
    expect(acceptedLocale("ko-KR,ko;q=0.9,en-US;q=0.8,en;q=0.7")).toBe("ko");
    expect(acceptedLocale("en-US,en;q=0.9")).toBe("en");
    expect(acceptedLocale("fr-FR,en;q=0.5,ko;q=0.8")).toBe("ko");
    expect(acceptedLocale("de, fr;q=0.5")).toBeNull();
  });

  it("uses the default when neither names a known language", () => {
    expect(requestLocale(undefined, undefined, "en")).toBe("en");
    expect(requestLocale("", "de-DE", "ko")).toBe("ko");
  });
});
