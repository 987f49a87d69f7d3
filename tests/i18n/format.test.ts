// Money and dates as the issue spells them, per locale, currency and the promotion's zone.
import { describe, expect, it } from "vitest";
import { formatDateTime, formatMoney, toMajor, toMinor, zoneLabel, zoneName } from "@/lib/i18n/format";

describe("formatMoney", () => {
  it("writes won the Korean way in Korean and with ₩ in English", () => {
    expect(formatMoney(5000, "KRW", "ko")).toBe("5,000원");
    expect(formatMoney(5000, "KRW", "en")).toBe("₩5,000");
    expect(formatMoney(2_000_000, "KRW", "ko")).toBe("2,000,000원");
  });

  it("reads minor units by the currency's decimals", () => {
    expect(formatMoney(1250, "USD", "en")).toBe("$12.50");
    expect(formatMoney(1250, "USD", "ko")).toBe("US$12.50");
    expect(formatMoney(1000, "JPY", "en")).toBe("¥1,000");
    expect(formatMoney(999, "EUR", "en")).toBe("€9.99");
  });
});

describe("major and minor units", () => {
  it("turn typed amounts into minor units by the currency's decimals", () => {
    expect(toMinor("5,000", "KRW")).toBe(5000);
    expect(toMinor("12.50", "USD")).toBe(1250);
    expect(toMinor("12.5", "USD")).toBe(1250);
    expect(toMinor("12", "USD")).toBe(1200);
    expect(toMinor("0.07", "USD")).toBe(7);
  });

  it("refuse what the currency cannot hold or is not a number", () => {
    expect(toMinor("5000.5", "KRW")).toBeNull();
    expect(toMinor("1.234", "USD")).toBeNull();
    expect(toMinor("abc", "USD")).toBeNull();
    expect(toMinor("-5", "USD")).toBeNull();
    expect(toMinor("", "USD")).toBeNull();
  });

  it("go back to major amounts", () => {
    expect(toMajor(1250, "USD")).toBe(12.5);
    expect(toMajor(5000, "KRW")).toBe(5000);
  });
});

describe("formatDateTime", () => {
  const saturday10kst = "2026-12-12T01:00:00.000Z";

  it("writes Korean dates with the weekday, 오전/오후 and the zone's name", () => {
    expect(formatDateTime(saturday10kst, "Asia/Seoul", "ko")).toBe("12월 12일 (토) 오전 10:00 KST");
    expect(formatDateTime("2026-12-12T06:30:00.000Z", "Asia/Seoul", "ko")).toBe("12월 12일 (토) 오후 3:30 KST");
    expect(formatDateTime("2026-12-11T15:05:00.000Z", "Asia/Seoul", "ko")).toBe("12월 12일 (토) 오전 12:05 KST");
  });

  it("writes English dates in the promotion's zone, not the viewer's", () => {
    expect(formatDateTime(saturday10kst, "Asia/Seoul", "en")).toBe("Sat, Dec 12, 10:00 AM KST");
    expect(formatDateTime(saturday10kst, "America/New_York", "en")).toBe("Fri, Dec 11, 8:00 PM EST");
    expect(formatDateTime(saturday10kst, "Europe/Berlin", "ko")).toBe("12월 12일 (토) 오전 2:00 UTC+1");
  });

  it("adds the year when it is not the year of now", () => {
    const now = Date.parse("2026-06-01T00:00:00Z");
    expect(formatDateTime("2027-01-05T01:00:00.000Z", "Asia/Seoul", "ko", now)).toBe("2027년 1월 5일 (화) 오전 10:00 KST");
    expect(formatDateTime("2027-01-05T01:00:00.000Z", "Asia/Seoul", "en", now)).toBe("Tue, Jan 5, 2027, 10:00 AM KST");
    expect(formatDateTime(saturday10kst, "Asia/Seoul", "en", now)).toBe("Sat, Dec 12, 10:00 AM KST");
  });
});

describe("zones", () => {
  it("name a zone as the admin form shows it", () => {
    const winter = new Date("2026-12-12T01:00:00Z");
    expect(zoneLabel("Asia/Seoul", winter)).toBe("KST, UTC+9");
    expect(zoneLabel("America/New_York", winter)).toBe("EST, UTC-5");
    expect(zoneLabel("Europe/Berlin", winter)).toBe("UTC+1");
    expect(zoneLabel("Asia/Kolkata", winter)).toBe("UTC+5:30");
    expect(zoneName("UTC", winter)).toBe("UTC");
  });
});
