// Money and dates as people read them, per locale, currency and time zone. Pure (Intl only), so
// server pages, client components and tests share them.
import { CURRENCIES, isCurrencyCode } from "@/lib/money/currencies";
import type { Locale } from "./locale";

/** Decimal places of a currency's minor unit: the project's table first, Intl's own for others. */
export function minorDigitsOf(currency: string): number {
  if (isCurrencyCode(currency)) return CURRENCIES[currency].minorDigits;
  return new Intl.NumberFormat("en", { style: "currency", currency }).resolvedOptions().maximumFractionDigits ?? 2;
}

/** Minor units to the major amount: 1250 USD -> 12.5, 5000 KRW -> 5000. */
export const toMajor = (minor: number, currency: string): number => minor / 10 ** minorDigitsOf(currency);

/**
 * A typed major amount ("12.50", "5,000") to minor units (1250, 5000); null when it is not a
 * number or has more decimals than the currency has.
 */
export function toMinor(major: string, currency: string): number | null {
  const digits = minorDigitsOf(currency);
  const text = major.replace(/[,\s]/g, "");
  const match = /^(\d+)(?:\.(\d*))?$/.exec(text);
  if (!match || (match[2]?.length ?? 0) > digits) return null;
  const fraction = (match[2] ?? "").padEnd(digits, "0");
  return Number(match[1]) * 10 ** digits + (digits ? Number(fraction) : 0);
}

/**
 * An amount in minor units as money: en `₩5,000`, `$12.50`; ko `5,000원` (how Korean shops
 * write won), other currencies in Korean as Intl writes them (`US$12.50`).
 */
export function formatMoney(minor: number, currency: string, locale: Locale): string {
  const digits = minorDigitsOf(currency);
  const major = minor / 10 ** digits;
  if (locale === "ko" && currency === "KRW") {
    return `${new Intl.NumberFormat("ko-KR", { maximumFractionDigits: 0 }).format(major)}원`;
  }
  return new Intl.NumberFormat(locale === "ko" ? "ko-KR" : "en-US", {
    style: "currency",
    currency,
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(major);
}

// Abbreviations people know where Intl's English names only say "GMT+9".
const ZONE_ABBREVIATIONS: Record<string, string> = {
  "Asia/Seoul": "KST",
  "Asia/Tokyo": "JST",
  UTC: "UTC",
  "Etc/UTC": "UTC",
};

/** The zone's offset at `at`, as "UTC+9", "UTC-4:30" or "UTC". */
export function zoneOffset(timeZone: string, at: Date): string {
  const part = new Intl.DateTimeFormat("en-US", { timeZone, timeZoneName: "shortOffset" })
    .formatToParts(at)
    .find((p) => p.type === "timeZoneName")?.value;
  return (part ?? "GMT").replace(/^GMT/, "UTC");
}

/** The zone's short name at `at`: "KST", "EST", else its offset ("UTC+1"). */
export function zoneName(timeZone: string, at: Date): string {
  const known = ZONE_ABBREVIATIONS[timeZone];
  if (known) return known;
  const short = new Intl.DateTimeFormat("en-US", { timeZone, timeZoneName: "short" })
    .formatToParts(at)
    .find((p) => p.type === "timeZoneName")?.value;
  return short && !short.startsWith("GMT") ? short : zoneOffset(timeZone, at);
}

/** "KST, UTC+9": the zone as the admin form shows it. */
export const zoneLabel = (timeZone: string, at: Date): string => {
  const name = zoneName(timeZone, at);
  const offset = zoneOffset(timeZone, at);
  return name === offset ? offset : `${name}, ${offset}`;
};

/** The calendar and clock fields of an instant in a zone (24-hour clock). */
function fieldsIn(instant: Date, timeZone: string) {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    year: "numeric",
    month: "numeric",
    day: "numeric",
    weekday: "short",
    hour: "numeric",
    minute: "2-digit",
    hourCycle: "h23",
  }).formatToParts(instant);
  const get = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? "";
  return {
    year: get("year"),
    month: Number(get("month")),
    day: Number(get("day")),
    weekday: get("weekday"),
    hour: Number(get("hour")),
    minute: get("minute"),
  };
}

const KO_WEEKDAYS: Record<string, string> = { Sun: "일", Mon: "월", Tue: "화", Wed: "수", Thu: "목", Fri: "금", Sat: "토" };

/**
 * An instant as a date and time in `timeZone`, with the zone's name: ko `12월 12일 (토) 오전 10:00 KST`,
 * en `Sat, Dec 12, 10:00 AM KST`. The year is shown when it is not the year of `now`. Korean is
 * put together by hand: ICU versions disagree on its day period ("오전" or "AM") and brackets.
 */
export function formatDateTime(iso: string, timeZone: string, locale: Locale, now: number = Date.parse(iso)): string {
  const instant = new Date(iso);
  const f = fieldsIn(instant, timeZone);
  const withYear = f.year !== fieldsIn(new Date(now), timeZone).year;
  let text: string;
  if (locale === "ko") {
    const hour12 = f.hour % 12 === 0 ? 12 : f.hour % 12;
    const date = `${withYear ? `${f.year}년 ` : ""}${f.month}월 ${f.day}일 (${KO_WEEKDAYS[f.weekday]})`;
    text = `${date} ${f.hour < 12 ? "오전" : "오후"} ${hour12}:${f.minute}`;
  } else {
    text = new Intl.DateTimeFormat("en-US", {
      timeZone,
      ...(withYear ? { year: "numeric" } : {}),
      month: "short",
      day: "numeric",
      weekday: "short",
      hour: "numeric",
      minute: "2-digit",
    })
      .format(instant)
      .replace(/\u202f/g, " "); // newer ICU puts a narrow space before AM/PM: one kind of space everywhere
  }
  return `${text} ${zoneName(timeZone, instant)}`;
}
